/** Where folding a stream should stop: its head, a revision, or an effective or recorded time (epoch ms). */
export type FoldLimit =
  | { readonly kind: 'head' }
  | { readonly kind: 'revision'; readonly revision: number }
  | { readonly kind: 'effective'; readonly at: number }
  | { readonly kind: 'recorded'; readonly at: number };
