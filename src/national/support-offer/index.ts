export { supportOfferDomain } from "./domain.ts";
export { supportRequestLink } from "./extension-points.ts";
export { offerPaths } from "./paths.ts";
export { supportOfferProviders, supportOffers } from "./tables.ts";
export * from "./vocabulary.ts";
export { findOffer, listOffers, type OfferRow, type OfferWithProviders } from "./repository.ts";
export { removeOffer, saveOffer } from "./offer-service.ts";
export { buildMatrix, type MatrixProvider, matrixRows, type SupportMatrix } from "./matrix.ts";
export {
  type OfferForm,
  offerForm,
  offerParams,
  type OfferQuery,
  offerQuery,
  offerStatuses,
  offerStatusLabels,
} from "./schemas.ts";
