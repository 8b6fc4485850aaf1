import type { Nation, PartnershipRole } from "../../kernel/auth/policy.ts";
import type { OrganisationType } from "../../workspace/organisations/index.ts";

/**
 * The fictional demo: real area names and codes so real data attaches, but every organisation
 * says "(demo)", every partnership "(fictional demo)", and every person is invented.
 */
export interface DemoOrganisation {
  name: string;
  type: OrganisationType;
  gssCode?: string;
}

export interface DemoPerson {
  name: string;
  email: string;
  password: string;
  organisation: string;
}

export interface DemoPartnership {
  name: string;
  nation: Nation;
  areaCode: string;
  areaName: string;
  members: { organisation: string; role: string }[];
  people: Record<PartnershipRole, DemoPerson>;
  /**
   * Further member organisations' representatives (editors), who score the demo's prioritisation
   * round with the lead and editor. Not offered as sign-ins.
   */
  representatives?: DemoPerson[];
}

export const nationalOrganisations: DemoOrganisation[] = [
  { name: "Child Poverty Action Hub support team (demo)", type: "national-body" },
  { name: "England Child Poverty Improvement Network (demo)", type: "national-body" },
  { name: "Scottish Child Poverty Coordination Unit (demo)", type: "national-body" },
];

export const partnershipOrganisations: DemoOrganisation[] = [
  { name: "Darlington Borough Council (demo)", type: "council", gssCode: "E06000005" },
  { name: "North East Integrated Care Board (demo)", type: "health-board" },
  { name: "Darlington Jobcentre Plus (demo)", type: "jobcentre-plus" },
  { name: "Durham Constabulary (demo)", type: "police" },
  { name: "Darlington Youth Justice Service (demo)", type: "youth-offending-team" },
  { name: "North East Probation Delivery Unit (demo)", type: "probation" },
  { name: "Tees Valley Combined Authority (demo)", type: "transport-authority" },
  { name: "Darlington Food and Families Network (demo)", type: "voluntary-and-community-sector" },
  { name: "Dundee City Council (demo)", type: "council", gssCode: "S12000042" },
  { name: "NHS Tayside (demo)", type: "health-board", gssCode: "S08000030" },
  { name: "Dundee Jobcentre Plus (demo)", type: "jobcentre-plus" },
  { name: "Police Scotland Tayside Division (demo)", type: "police" },
  { name: "Dundee Welfare Rights Service (demo)", type: "advice-agency" },
  { name: "Dundee Community Food Network (demo)", type: "voluntary-and-community-sector" },
  { name: "Swansea Council (demo)", type: "council", gssCode: "W06000011" },
  { name: "Swansea Bay University Health Board (demo)", type: "health-board" },
  { name: "Swansea Jobcentre Plus (demo)", type: "jobcentre-plus" },
  { name: "South Wales Police (demo)", type: "police" },
  { name: "Swansea Family Support Network (demo)", type: "voluntary-and-community-sector" },
];

export const admin: DemoPerson = {
  name: "Morgan Ellery",
  email: "admin@example.org",
  password: "demo-platform-admin",
  organisation: "Child Poverty Action Hub support team (demo)",
};

export const coordinators: (DemoPerson & { nation: Nation })[] = [
  {
    name: "Hannah Okafor",
    email: "coordinator.england@example.org",
    password: "demo-coordinator-england",
    organisation: "England Child Poverty Improvement Network (demo)",
    nation: "england",
  },
  {
    name: "Callum Munro",
    email: "coordinator.scotland@example.org",
    password: "demo-coordinator-scotland",
    organisation: "Scottish Child Poverty Coordination Unit (demo)",
    nation: "scotland",
  },
];

function person(slug: string, role: PartnershipRole, name: string, organisation: string): DemoPerson {
  return { name, email: `${slug}.${role}@example.org`, password: `demo-${slug}-${role}`, organisation };
}

export const demoPartnerships: DemoPartnership[] = [
  {
    name: "Darlington Child Poverty Partnership (fictional demo)",
    nation: "england",
    areaCode: "E06000005",
    areaName: "Darlington",
    members: [
      { organisation: "Darlington Borough Council (demo)", role: "Responsible local authority" },
      { organisation: "North East Integrated Care Board (demo)", role: "Statutory partner: health" },
      { organisation: "Darlington Jobcentre Plus (demo)", role: "Statutory partner: Jobcentre Plus" },
      { organisation: "Durham Constabulary (demo)", role: "Statutory partner: police" },
      { organisation: "Darlington Youth Justice Service (demo)", role: "Statutory partner: youth offending" },
      { organisation: "North East Probation Delivery Unit (demo)", role: "Statutory partner: probation" },
      { organisation: "Tees Valley Combined Authority (demo)", role: "Statutory partner: transport" },
      { organisation: "Darlington Food and Families Network (demo)", role: "Voluntary and community sector" },
    ],
    people: {
      lead: person("darlington", "lead", "Priya Sandhu", "Darlington Borough Council (demo)"),
      editor: person("darlington", "editor", "Tom Hartley", "North East Integrated Care Board (demo)"),
      viewer: person("darlington", "viewer", "Grace Nwosu", "Darlington Food and Families Network (demo)"),
    },
    representatives: [
      person("darlington-jobcentre", "editor", "Sam Okafor", "Darlington Jobcentre Plus (demo)"),
      person("darlington-youth-justice", "editor", "Ruth Allerton", "Darlington Youth Justice Service (demo)"),
      person("darlington-food-network", "editor", "Kieran Doyle", "Darlington Food and Families Network (demo)"),
    ],
  },
  {
    name: "Dundee Child Poverty Partnership (fictional demo)",
    nation: "scotland",
    areaCode: "S12000042",
    areaName: "Dundee City",
    members: [
      { organisation: "Dundee City Council (demo)", role: "Local authority, reporting jointly with NHS Tayside" },
      { organisation: "NHS Tayside (demo)", role: "Health board, reporting jointly with the council" },
      { organisation: "Dundee Jobcentre Plus (demo)", role: "Employability and benefits" },
      { organisation: "Police Scotland Tayside Division (demo)", role: "Community safety" },
      { organisation: "Dundee Welfare Rights Service (demo)", role: "Income maximisation advice" },
      { organisation: "Dundee Community Food Network (demo)", role: "Third sector" },
    ],
    people: {
      lead: person("dundee", "lead", "Fiona MacLeod", "Dundee City Council (demo)"),
      editor: person("dundee", "editor", "Euan Baird", "NHS Tayside (demo)"),
      viewer: person("dundee", "viewer", "Isla Petrie", "Dundee Welfare Rights Service (demo)"),
    },
  },
  {
    name: "Swansea Child Poverty Partnership (fictional demo)",
    nation: "wales",
    areaCode: "W06000011",
    areaName: "Swansea",
    members: [
      { organisation: "Swansea Council (demo)", role: "Local authority" },
      { organisation: "Swansea Bay University Health Board (demo)", role: "Health board" },
      { organisation: "Swansea Jobcentre Plus (demo)", role: "Employability and benefits" },
      { organisation: "South Wales Police (demo)", role: "Community safety" },
      { organisation: "Swansea Family Support Network (demo)", role: "Voluntary and community sector" },
    ],
    people: {
      lead: person("swansea", "lead", "Rhian Powell", "Swansea Council (demo)"),
      editor: person("swansea", "editor", "Gareth Lloyd", "Swansea Bay University Health Board (demo)"),
      viewer: person("swansea", "viewer", "Seren Davies", "Swansea Family Support Network (demo)"),
    },
  },
];
