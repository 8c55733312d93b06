// Shuffled quiz options: pure functions, no DOM. The order comes from the
// learner's own random seed (kept in the record) and the quiz id, so it is
// the same on every visit for one learner, and differs between learners and
// between quizzes. Options keep their author's numbers (the input values),
// so a saved answer never depends on the order shown.

/** A 32-bit hash of `text` (FNV-1a): a seed for `randomNumbers`. */
export function hashText(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A function returning numbers in [0, 1) from the 32-bit `seed` (mulberry32: small, even, repeatable). */
export function randomNumbers(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order to show `count` options of quiz `quizId` in, for the learner
 * whose seed is `seed`: a list of author's option numbers (Fisher-Yates).
 */
export function shuffledOrder(count, seed, quizId) {
  const order = Array.from({length: count}, (_, number) => number);
  const next = randomNumbers(hashText(`${seed}:${quizId}`));
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}
