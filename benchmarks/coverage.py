"""Coverage of the era-difference intervals and of each era's own interval, and the
type-I error of the permutation test.

Simulates two eras of articles with overdispersed counts (negative binomial per article,
mean = rate × article length, lengths log-normal) and, at 5, 10, 30 and 100 articles per
era, prints how often the 95 % interval of :func:`borderlines.compare.era_difference`
(difference of rates per 1,000 words, and the ratio) covers the true value, how often no
interval could be given, and under a true null (equal rates) how often the interval
excludes zero, how often the permutation p is below 0.05, and how often the reported
``p_value`` (the larger of the two) is. Targets: coverage 93–97 %,
null rejected at most 7 %. In the null, era B keeps its own spread and lengths, so the
test must hold when the eras differ in everything but the rate.

A second table gives the coverage of one era's own 95 % interval
(:func:`borderlines.compare.era_interval`, used by :mod:`borderlines.uncertainty`) for a
rate (each scenario's era A and B), a share (beta-binomial counts of a category over
each article's total) and a mean that can be negative (a tone-like score per article).

    .venv/bin/python benchmarks/coverage.py [--reps 4000] [--null-reps 1500] [--era-reps 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from borderlines.compare import difference_intervals, era_interval, permutation_p

#: name -> (rate A, rate B, dispersion k A, k B, mean length A, mean length B); rates per
#: 1,000 words; variance of a count = μ + μ²/k.
SCENARIOS = {
    "alike": (8.0, 12.0, 2.0, 2.0, 700, 700),
    "unequal spread": (8.0, 12.0, 1.0, 4.0, 500, 1200),
    "rare": (0.5, 1.0, 1.0, 1.0, 700, 700),
}
SIZES = (5, 10, 30, 100)


def simulate(rng, n: int, reps: int, rate_a, rate_b, k_a, k_b, len_a, len_b):
    """Counts and lengths, ``reps`` × ``2n`` (era A's ``n`` articles first)."""
    length = np.concatenate([rng.lognormal(np.log(len_a), 0.6, (reps, n)),
                             rng.lognormal(np.log(len_b), 0.6, (reps, n))], axis=1).round() + 50
    rate = np.repeat([rate_a, rate_b], n)
    k = np.repeat([k_a, k_b], n)
    mu = rate * length / 1000
    return rng.negative_binomial(k, k / (k + mu)).astype(float), length


def run(scenario, n, reps, null_reps, rng, level=0.95):
    rate_a, rate_b, *rest = SCENARIOS[scenario]
    in_b = np.repeat([False, True], n)
    count, length = simulate(rng, n, reps, rate_a, rate_b, *rest)
    res = difference_intervals(count, length, np.tile(in_b, (reps, 1)), level)
    have = ~np.isnan(res["low"])
    truth = (rate_b - rate_a) / 1000
    cover = (res["low"] <= truth) & (truth <= res["high"])
    have_r = ~np.isnan(res["ratio_low"])
    cover_r = (res["ratio_low"] <= rate_b / rate_a) & (rate_b / rate_a <= res["ratio_high"])
    # The null: era B like era A in rate, but keeping its own spread and lengths.
    count0, length0 = simulate(rng, n, reps, rate_a, rate_a, *rest)
    null = difference_intervals(count0, length0, np.tile(in_b, (reps, 1)), level)
    excludes = (null["low"] > 0) | (null["high"] < 0)
    p_perm = np.array([permutation_p(count0[i], length0[i], n, rng, n_permutations=199)[0]
                       for i in range(null_reps)])
    # era_difference's p_value: the larger of the permutation p and the interval's t p
    reported = (p_perm < 0.05) & excludes[:null_reps]
    return {"coverage": cover[have].mean(), "ratio_coverage": cover_r[have_r].mean(),
            "no_interval": 1 - have.mean(), "null_interval": excludes[~np.isnan(null["low"])].mean(),
            "null_perm": np.mean(p_perm < 0.05), "null_reported": reported.mean()}


def per_era_samples(rng, n: int, reps: int):
    """``{name: (num, den, scale, truth)}``: ``reps`` × ``n`` articles of one era for each
    kind of per-era estimate."""
    out = {}
    for scenario, (rate_a, rate_b, k_a, k_b, len_a, len_b) in SCENARIOS.items():
        count, length = simulate(rng, n, reps, rate_a, rate_b, k_a, k_b, len_a, len_b)
        out[f"rate: {scenario} A"] = (count[:, :n], length[:, :n], 1000.0, rate_a)
        out[f"rate: {scenario} B"] = (count[:, n:], length[:, n:], 1000.0, rate_b)
    for p in (0.1, 0.5, 0.85):
        total = rng.negative_binomial(2, 2 / 22, (reps, n)) + 1.0
        count = rng.binomial(total.astype(int), rng.beta(4 * p, 4 * (1 - p), (reps, n))).astype(float)
        out[f"share {p:.0%}"] = (count, total, 1.0, p)
    score = np.clip(rng.standard_t(4, (reps, n)) * 0.15 - 0.05, -1, 1)   # heavy-tailed, mean −0.05
    out["mean (can be < 0)"] = (score, np.ones_like(score), 1.0, -0.05)
    return out


def per_era_coverage(rng, n: int, reps: int, level: float = 0.95) -> dict:
    """``{name: (coverage, share without an interval)}`` of :func:`era_interval`."""
    result = {}
    for name, (num, den, scale, truth) in per_era_samples(rng, n, reps).items():
        bounds = np.array([era_interval(a, b, scale=scale, level=level)[1:3] for a, b in zip(num, den)])
        have = ~np.isnan(bounds[:, 0])
        cover = (bounds[have, 0] <= truth) & (truth <= bounds[have, 1])
        result[name] = (cover.mean() if have.any() else np.nan, 1 - have.mean())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=4000, help="simulated studies per cell (intervals)")
    parser.add_argument("--null-reps", type=int, default=1500, help="simulated null studies per cell (permutation)")
    parser.add_argument("--era-reps", type=int, default=2000, help="simulated eras per cell (per-era intervals)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    print(f"95% intervals; {args.reps} simulated studies per cell ({args.null_reps} for the permutation test)")
    print(f"{'scenario':<16}{'n/era':>6}{'cover diff':>12}{'cover ratio':>12}{'no interval':>12}"
          f"{'null: CI∌0':>12}{'perm p<.05':>12}{'p_value<.05':>12}")
    for scenario in SCENARIOS:
        for n in SIZES:
            r = run(scenario, n, args.reps, args.null_reps, rng)
            print(f"{scenario:<16}{n:>6}{r['coverage']:>12.1%}{r['ratio_coverage']:>12.1%}{r['no_interval']:>12.1%}"
                  f"{r['null_interval']:>12.1%}{r['null_perm']:>12.1%}{r['null_reported']:>12.1%}", flush=True)
    print(f"\nEach era's own 95% interval (jackknife t, borderlines.uncertainty); {args.era_reps} simulated eras per cell")
    print(f"{'estimate':<26}" + "".join(f"{f'cover n={n}':>14}" for n in SIZES) + f"{'none at n=5':>13}")
    rows: dict = {}
    for n in SIZES:
        for name, value in per_era_coverage(rng, n, args.era_reps).items():
            rows.setdefault(name, {})[n] = value
    for name, by_n in rows.items():
        print(f"{name:<26}" + "".join(f"{by_n[n][0]:>14.1%}" for n in SIZES) + f"{by_n[5][1]:>13.1%}", flush=True)
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
