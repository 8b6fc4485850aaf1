/**
 * Import kinds whose files are published official statistics: values they wrote are never
 * replaced by a partnership's own file (tidy, wide). Kept as a list (the registry imports every
 * importer, which would make a cycle here); registry.test.ts checks it against the importers.
 */
export const OFFICIAL_KINDS: readonly string[] = ["statxplore", "iod", "simd", "wimd", "nimdm"];
