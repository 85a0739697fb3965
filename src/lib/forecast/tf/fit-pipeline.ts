import type { FitOptions, TrainingEpoch } from '../forecaster';
import { random, type Random } from '../../base/random';
import type { FeatureContext } from './features';
import { glmNetwork } from './glm-network';
import { fitGlmIrls, type IrlsSettings } from './irls';
import { warmStart, type Network, type NetworkDims } from './network';
import { trainNetwork, type TrainData, type TrainSettings } from './train';

/** How a learned model is fitted: a Poisson GLM by Newton's method, then (optionally) a network. */
export interface Recipe {
  /** The GLM fit: the whole model when `network` is absent, else the warm start. */
  readonly glm: IrlsSettings;
  /**
   * Start the network from the fitted GLM and keep that linear part fixed, so the non-linear path
   * learns what the GLM misses (CANN); without it the whole network trains from scratch.
   */
  readonly warmStart: boolean;
  readonly network?: {
    readonly train: TrainSettings;
    create(dims: NetworkDims, rng: Random, ctx: FeatureContext): Network;
  };
  /**
   * Use the validation span for the final weights too. GLM: continue Newton on all training
   * periods from the fitted weights (it has nothing to stop early). Network: re-initialise
   * with the same seed and train for the chosen number of epochs on all training periods.
   */
  readonly refit: boolean;
}

/** A fitted network with its training log entries. */
export interface Fitted {
  readonly network: Network;
  readonly epochs: TrainingEpoch[];
  /** The epoch whose weights were kept (early stopping on the validation span); absent for a Newton fit, which runs to convergence and chooses nothing. */
  readonly chosenEpoch?: number;
  readonly notes: string[];
  /** Standard errors of the GLM's (w, b) from its last Newton fit, when `recipe.glm.standardErrors`. */
  readonly standardErrors?: Float64Array;
}

/**
 * Fits a recipe on `data` (training units + validation units) and, with `refit`, again on
 * `all` units. Everything it creates is disposed on failure (abort included).
 * @example (await fitRecipe({ glm, warmStart: true, refit: false, network }, dims, ctx, data, all, options, 0)).notes[0]
 *   // → 'linear part set to a Poisson GLM fitted by Newton/IRLS in 5 iterations and held fixed; …'
 */
export async function fitRecipe(
  recipe: Recipe,
  dims: NetworkDims,
  ctx: FeatureContext,
  data: TrainData,
  all: Int32Array,
  options: FitOptions,
  started: number,
): Promise<Fitted> {
  const notes: string[] = [];
  const refitting = recipe.refit && data.validation.length > 0;
  const everything: TrainData = { ...data, train: all, validation: new Int32Array(0) };
  const glm = glmNetwork(dims);
  let network: Network | undefined;
  try {
    if (!recipe.network) {
      const glmFit = await fitGlmIrls(glm, data, recipe.glm, options, started);
      const newton = `Poisson GLM fitted by Newton/IRLS in ${glmFit.epochs.length} iterations`;
      let epochs = glmFit.epochs;
      let standardErrors = glmFit.standardErrors;
      if (refitting) {
        const more = await fitGlmIrls(glm, everything, recipe.glm, options, started, 'iteration', glmFit.epochs.length);
        standardErrors = more.standardErrors;
        epochs = [...epochs, ...more.epochs.map((e) => ({ ...e, epoch: e.epoch + glmFit.epochs.length }))];
        notes.push(`${newton} on the periods before the validation span, then ${more.epochs.length} more on all training periods`);
      } else {
        notes.push(`${newton} on the periods before the validation span`);
      }
      return { network: glm, epochs, notes, ...(standardErrors && { standardErrors }) };
    }
    // The warm start's GLM is fitted before the network exists, so an abort during the fit leaves
    // nothing undisposed. A network trained from scratch needs no GLM at all.
    const start = async (source: TrainData): Promise<Network> => {
      if (!recipe.warmStart) return recipe.network!.create(dims, random(options.seed), ctx);
      const fit = await fitGlmIrls(glm, source, { ...recipe.glm, standardErrors: false }, options, started, 'warm-start');
      const net = recipe.network!.create(dims, random(options.seed), ctx);
      warmStart(net, glm);
      if (source === data) {
        notes.push(
          `linear part set to a Poisson GLM fitted by Newton/IRLS in ${fit.epochs.length} iterations and held fixed; ` +
            'the non-linear path starts at 0 and learns what the GLM misses (CANN)',
        );
      }
      return net;
    };
    // With a GLM start its linear part stays fixed: Adam's first steps (every weight moves by about the
    // learning rate) would otherwise knock an already optimal GLM off its optimum.
    const trainableOf = (net: Network): readonly Network['variables'][number][] =>
      recipe.warmStart ? net.variables.filter((v) => v !== net.linear.w && v !== net.linear.b) : net.variables;
    network = await start(data);
    const trained = await trainNetwork(network, data, recipe.network.train, options, started, trainableOf(network));
    let epochs = trained.epochs;
    if (refitting) {
      network.dispose();
      network = undefined;
      network = await start(everything);
      const again = await trainNetwork(network, everything, { ...recipe.network.train, epochs: trained.chosenEpoch }, options, started, trainableOf(network));
      epochs = [...epochs, ...again.epochs.map((e) => ({ ...e, epoch: e.epoch + trained.epochs.length }))];
      notes.push(
        `refit: retrained from the same initialisation on all training periods for ${trained.chosenEpoch} epochs (log epochs ${trained.epochs.length + 1}–${epochs.length})`,
      );
    } else {
      notes.push(
        data.validation.length > 0 ? `kept the weights of epoch ${trained.chosenEpoch} (best validation deviance)` : 'no validation span: kept the last epoch',
      );
    }
    glm.dispose();
    return { network, epochs, chosenEpoch: trained.chosenEpoch, notes };
  } catch (error) {
    glm.dispose();
    network?.dispose();
    throw error;
  }
}
