/**
 * Training: {@link dev.netsmith.train.Trainer} (mini-batch gradient descent), {@link dev.netsmith.train.Optimizer}
 * (SGD, momentum, Adam), {@link dev.netsmith.train.LearningRateSchedule}, listeners and staged work, and
 * {@link dev.netsmith.train.TrainingResult}.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Counting: iteration t is the number of optimizer steps taken (0 before the first) and is also Adam's t;
 *       epochs are counted the same way. Learning-rate schedules are functions of the epoch (as in the course
 *       notes), so the rate is constant within an epoch.</li>
 *   <li>Randomness: the shuffle of epoch e and the dropout masks of iteration t are drawn from Well19937c
 *       generators reseeded from (seed, e) and (seed, t). A checkpoint therefore needs only the parameters and the
 *       {@link dev.netsmith.train.OptimizerState} (whose step count says where the run was) to resume bit for bit.</li>
 *   <li>Costs: the training cost of an iteration is its mini-batch's data term plus L2 term, with dropout on as
 *       trained, before the update; the dev cost is the regularised cost of all dev examples with dropout off.</li>
 *   <li>Divergence: the cost, every gradient entry and every updated parameter are checked each iteration, so the
 *       parameters returned after divergence are exactly those before the failing iteration.</li>
 *   <li>No allocation per step: one workspace and one batch buffer (also used, in chunks, for the dev cost), the
 *       optimizer state, the early-stopping copy, the previous-step copy and the cost history are allocated when a
 *       run starts.</li>
 *   <li>Staged work such as gradient checks runs only at the iteration counts a {@link dev.netsmith.train.TrainingStage}
 *       names, never every iteration.</li>
 * </ul>
 */
package dev.netsmith.train;
