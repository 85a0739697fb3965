"""Plain reference for bench/glm-fit.ts: textbook IRLS (Newton) for a ridge-penalised Poisson GLM
in numpy (XᵀΛX by BLAS, solve by LAPACK), on the design the bench writes. Usage:
python3 bench/glm-numpy-irls.py DESIGN_PREFIX ITERATIONS REPEATS → one JSON line on stdout (CPU ms of each fit).
The same penalty and clip as src/lib/forecast/glm/poisson-newton.ts, full steps (no halving),
a fixed number of Hessians (the TypeScript fit's count), X = [tab, 1] in float64."""
import json, sys, time
import numpy as np

prefix, iterations, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
meta = json.load(open(prefix + '.json'))
N, F = meta['rows'], meta['features']
tab = np.fromfile(prefix + '.tab', dtype=np.float32).reshape(N, F)
y = np.fromfile(prefix + '.y', dtype=np.float32).astype(np.float64)
start = np.array(meta['start'], dtype=np.float64)
pen = np.zeros(F + 1)
pen[:F] = 2 * N * meta['l2'] + 1e-6 * N


def fit():
    X = np.hstack([tab.astype(np.float64), np.ones((N, 1))])
    beta = start.copy()
    for _ in range(iterations):
        lam = np.exp(np.clip(X @ beta, -30, 15))
        g = X.T @ (lam - y) + pen * beta
        H = (X * lam[:, None]).T @ X + np.diag(pen)
        beta = beta - np.linalg.solve(H, g)
    return beta


times = []
for _ in range(repeats):
    t0 = time.process_time()
    beta = fit()
    times.append((time.process_time() - t0) * 1000)
print(json.dumps({'ms': times, 'beta': beta.tolist(), 'numpy': np.__version__}))
