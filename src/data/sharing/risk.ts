import { type DataLevel, dataLevelLabels, type RiskLevel, type Volume, volumeLabels } from "./vocabulary.ts";

/**
 * A nation's principles on data sharing: points for each criterion of an agreement and the
 * totals at which its risk becomes medium and high. Kept by the national coordinator, versioned.
 */
export interface SharingCriteria {
  /** Identifiability: points by the level of the data shared. */
  level: Record<DataLevel, number>;
  /** Sensitivity: special category data (UK GDPR Article 9) or criminal offence data. */
  specialCategory: number;
  childrenData: number;
  volume: Record<Volume, number>;
  onwardSharing: number;
  /** The total from which the risk is medium, and high (high > medium). */
  mediumFrom: number;
  highFrom: number;
}

/** The service's starting principles, saved as a nation's first version when it has none. */
export const defaultCriteria: SharingCriteria = {
  level: { aggregate: 0, pseudonymised: 2, "record-level": 4 },
  specialCategory: 3,
  childrenData: 2,
  volume: { small: 0, medium: 1, large: 2 },
  onwardSharing: 2,
  mediumFrom: 3,
  highFrom: 7,
};

/** What an agreement says that its risk depends on. */
export interface RiskFacts {
  level: DataLevel;
  specialCategory: boolean;
  childrenData: boolean;
  volume: Volume;
  onwardSharing: boolean;
}

export interface RiskReason {
  criterion: string;
  finding: string;
  points: number;
}

export interface RiskAssessment {
  level: RiskLevel;
  total: number;
  reasons: RiskReason[];
  /** How the level follows from the total, e.g. "9 points: high from 7". */
  rule: string;
}

/** The risk level of an agreement under a nation's principles, with every criterion's contribution. */
export function assessRisk(facts: RiskFacts, criteria: SharingCriteria): RiskAssessment {
  const reasons: RiskReason[] = [
    { criterion: "Identifiability", finding: dataLevelLabels[facts.level], points: criteria.level[facts.level] },
    {
      criterion: "Sensitivity",
      finding: facts.specialCategory ? "Special category data is shared" : "No special category data",
      points: facts.specialCategory ? criteria.specialCategory : 0,
    },
    {
      criterion: "Children's data",
      finding: facts.childrenData ? "Data about children is shared" : "No data about children",
      points: facts.childrenData ? criteria.childrenData : 0,
    },
    { criterion: "Volume", finding: volumeLabels[facts.volume], points: criteria.volume[facts.volume] },
    {
      criterion: "Onward sharing",
      finding: facts.onwardSharing ? "Recipients may share the data onwards" : "No onward sharing",
      points: facts.onwardSharing ? criteria.onwardSharing : 0,
    },
  ];
  const total = reasons.reduce((sum, reason) => sum + reason.points, 0);
  const level: RiskLevel = total >= criteria.highFrom ? "high" : total >= criteria.mediumFrom ? "medium" : "low";
  const rule = `${total} ${total === 1 ? "point" : "points"}: medium from ${criteria.mediumFrom}, high from ${criteria.highFrom}`;
  return { level, total, reasons, rule };
}
