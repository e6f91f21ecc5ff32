"""Writes an independent float64 reference of the noise schedules to stdout as JSON.

The TypeScript module computes the same quantities; its unit tests compare against this file.
Regenerate with `npm run fixtures` (needs python3 and numpy).
"""
import json

import numpy as np


def seed():
    return np.array([0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 0.999])


def linear(T):
    # Ho et al. (2020): 1e-4 to 0.02 over 1000 steps, rescaled for other T.
    scale = 1000 / T
    return np.linspace(min(1e-4 * scale, 0.999), min(0.02 * scale, 0.999), T)


def cosine(T, s=0.008):
    # Nichol and Dhariwal (2021), eq. 17, clipped at 0.999.
    steps = np.arange(T + 1) / T
    f = np.cos((steps + s) / (1 + s) * np.pi / 2) ** 2
    return np.minimum(1 - f[1:] / f[:-1], 0.999)


def karras(T, lo=0.001, hi=0.9, rho=4):
    a, b = lo ** (1 / rho), hi ** (1 / rho)
    return (a + np.arange(T) / (T - 1) * (b - a)) ** rho


def constants(betas):
    alphas = 1 - betas
    alpha_bar = np.cumprod(alphas)
    alpha_bar_prev = np.concatenate([[1.0], alpha_bar[:-1]])
    return {
        "betas": betas,
        "alphaBar": alpha_bar,
        "alphaBarPrev": alpha_bar_prev,
        "sqrtAlphaBar": np.sqrt(alpha_bar),
        "sqrtOneMinusAlphaBar": np.sqrt(1 - alpha_bar),
        "sqrtRecipAlphas": 1 / np.sqrt(alphas),
        "epsCoef": betas / np.sqrt(1 - alpha_bar),
        "posteriorVariance": betas * (1 - alpha_bar_prev) / (1 - alpha_bar),
        "posteriorMeanCoef0": np.sqrt(alpha_bar_prev) * betas / (1 - alpha_bar),
        "posteriorMeanCoefT": np.sqrt(alphas) * (1 - alpha_bar_prev) / (1 - alpha_bar),
    }


cases = {
    "seed": ("seed", 10, seed()),
    "linear50": ("linear", 50, linear(50)),
    "cosine50": ("cosine", 50, cosine(50)),
    "karras20": ("karras", 20, karras(20)),
}
out = {
    key: {"name": name, "T": T, **{k: v.tolist() for k, v in constants(b).items()}}
    for key, (name, T, b) in cases.items()
}
print(json.dumps(out, indent=1))
