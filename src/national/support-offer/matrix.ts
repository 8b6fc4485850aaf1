import type { OfferWithProviders } from "./repository.ts";
import { type SupportType, supportTypes } from "./vocabulary.ts";

export interface MatrixProvider {
  id: string;
  name: string;
}

export interface MatrixCell {
  type: SupportType;
  offers: { id: string; title: string; status: string }[];
}

export interface MatrixRow {
  provider: MatrixProvider;
  cells: MatrixCell[];
  total: number;
}

export interface SupportMatrix {
  types: { code: SupportType; label: string; providers: number }[];
  rows: MatrixRow[];
  /** Support types no body offers: gaps in the offer, shown as such. */
  gaps: string[];
}

/**
 * The Core Offer matrix: one row per member body, one column per support type (all eleven,
 * in the seed's order), each cell the offers that body provides of that type. An offer with
 * several providers appears in each provider's row.
 */
export function buildMatrix(providers: MatrixProvider[], offers: OfferWithProviders[]): SupportMatrix {
  const rows = providers.map((provider) => {
    const cells = supportTypes.map((type) => ({
      type: type.code,
      offers: offers
        .filter((offer) => offer.supportType === type.code && offer.providerIds.includes(provider.id))
        .map((offer) => ({ id: offer.id, title: offer.title, status: offer.status })),
    }));
    return { provider, cells, total: cells.reduce((sum, cell) => sum + cell.offers.length, 0) };
  });
  const types = supportTypes.map((type, index) => ({
    code: type.code,
    label: type.label,
    providers: rows.filter((row) => row.cells[index]!.offers.length > 0).length,
  }));
  return { types, rows, gaps: types.filter((type) => type.providers === 0).map((type) => type.label) };
}

/** The matrix as a table of ticks with offer counts, for CSV and spreadsheets. */
export function matrixRows(matrix: SupportMatrix): { header: string[]; rows: string[][] } {
  return {
    header: ["Provider", ...matrix.types.map((type) => type.label)],
    rows: matrix.rows.map((row) => [
      row.provider.name,
      ...row.cells.map((cell) => (cell.offers.length === 0 ? "" : cell.offers.map((offer) => offer.title).join("; "))),
    ]),
  };
}
