import type { ColourScale } from '../../lib/plots/colour-scale';

/** What a map legend shows: a continuous colour scale, or named classes. */
export type Legend =
  | { readonly title: string; readonly scale: ColourScale }
  | { readonly title: string; readonly classes: readonly { readonly label: string; readonly colour: string }[] };
