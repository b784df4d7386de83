/**
 * Recognising a shared result's link without loading the decoder: the page's first script
 * checks the address with this, and loads share-link.ts (and its compression library) only
 * when a shared result is there to show.
 */

/** The fragment key: `https://…/#share=<payload>`. */
export const SHARE_KEY = 'share';

/** Whether a location hash holds a shared result (then the app shows it instead of the playground). */
export function isShareHash(hash: string): boolean {
  return (hash.startsWith('#') ? hash.slice(1) : hash).startsWith(`${SHARE_KEY}=`);
}
