// The fixed part of the exported Python script (pythonScript.ts writes the run's numbers
// above it): the numpy energy, the PyTorch model and samplers, and the training loop. Each
// sampler is the page's formula (src/ebm/samplers/*.ts), in the same units.
export const PYTHON_BODY = String.raw`

def silu_np(z):
    return z / (1.0 + np.exp(-z))


def energy_np(x):
    """E(x) for an [N, 2] array, with numpy alone (the page's forward pass)."""
    h = np.asarray(x, dtype=np.float64) * INPUT_SCALE
    layers = len(WEIGHTS) // 2
    for i in range(layers):
        h = h @ WEIGHTS[2 * i].astype(np.float64) + WEIGHTS[2 * i + 1].astype(np.float64)
        if i < layers - 1:
            h = silu_np(h)
    return h[:, 0]


def main_numpy(args):
    if args.energy is not None:
        pts = [[float(v) for v in p.split(",")] for p in args.energy.split(";") if p.strip()]
        print(json.dumps([float(e) for e in energy_np(np.array(pts))]))
        return
    print("PyTorch is not installed: showing the exported energy only (pip install torch to train).")
    g = np.linspace(BOX[0], BOX[1], 128)
    xx, yy = np.meshgrid(g, g)
    e = energy_np(np.stack([xx.ravel(), yy.ravel()], 1)).reshape(128, 128)
    print("E on a 128x128 grid: min %.3f, max %.3f" % (e.min(), e.max()))
    plot(e, POINTS, None)


def plot(energy_grid, points, samples):
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        return
    plt.imshow(energy_grid, origin="lower", extent=[BOX[0], BOX[1], BOX[0], BOX[1]], cmap="viridis_r")
    plt.scatter(points[:, 0], points[:, 1], s=6, c="white", edgecolors="k", linewidths=0.3)
    if samples is not None:
        plt.scatter(samples[:, 0], samples[:, 1], s=2, c="tab:orange")
    plt.title("EBM Playground: energy, data (white) and samples (orange)")
    plt.show()


def main_torch(args, torch):
    torch.manual_seed(int(SETTINGS["seed"]))
    S, P = SETTINGS, SAMPLER_PARAMS
    beta = S["beta"]

    class Mlp(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.params = torch.nn.ParameterList(
                [torch.nn.Parameter(torch.tensor(w, dtype=torch.float32)) for w in WEIGHTS])

        def forward(self, x):
            h = x * INPUT_SCALE
            n = len(self.params) // 2
            for i in range(n):
                h = h @ self.params[2 * i] + self.params[2 * i + 1]
                if i < n - 1:
                    h = torch.nn.functional.silu(h)
            return h[:, 0]

    model = Mlp()

    def grad_e(x):
        x = x.detach().requires_grad_(True)
        e = model(x)
        (g,) = torch.autograd.grad(e.sum(), x)
        return e.detach(), g.detach()

    def in_box(x):
        return ((x >= BOX[0]) & (x <= BOX[1])).all(1)

    def reflect(x):
        lo, hi = BOX
        x = torch.where(x < lo, 2 * lo - x, x)
        x = torch.where(x > hi, 2 * hi - x, x)
        return x.clamp(lo, hi)

    def mh_accept(log_alpha, ok):
        u = torch.rand_like(log_alpha)
        return (torch.log(u) < log_alpha) & ok

    def langevin(x, k):
        eps = P["langevinStep"]
        for _ in range(k):  # x <- x - (eps/2) grad(beta E) + N(0, eps)
            _, g = grad_e(x)
            x = reflect(x - 0.5 * eps * beta * g + math.sqrt(eps) * torch.randn_like(x))
        return x

    def mala(x, k, eps):
        e, g = grad_e(x)
        for _ in range(k):  # Langevin proposal, Metropolis test on exp(-beta E)
            xp = x - 0.5 * eps * beta * g + math.sqrt(eps) * torch.randn_like(x)
            ep, gp = grad_e(xp)
            fwd = ((xp - x + 0.5 * eps * beta * g) ** 2).sum(1)
            bwd = ((x - xp + 0.5 * eps * beta * gp) ** 2).sum(1)
            log_a = -beta * (ep - e) - (bwd - fwd) / (2 * eps)
            acc = mh_accept(log_a, in_box(xp))
            x = torch.where(acc[:, None], xp, x)
            e = torch.where(acc, ep, e)
            g = torch.where(acc[:, None], gp, g)
        return x

    def mh(x, k):
        s = P["mhScale"]
        e = model(x).detach()
        for _ in range(k):  # x* = x + N(0, s^2), keep with prob min(1, exp(-beta dE))
            xp = x + s * torch.randn_like(x)
            ep = model(xp).detach()
            acc = mh_accept(-beta * (ep - e), in_box(xp))
            x = torch.where(acc[:, None], xp, x)
            e = torch.where(acc, ep, e)
        return x

    def hmc(x, k):
        eps, n = P["hmcStep"], int(P["leapfrogSteps"])
        for _ in range(k):  # momentum p ~ N(0, 1), n leapfrog steps on H = beta E + |p|^2 / 2
            e0, g = grad_e(x)
            p0 = torch.randn_like(x)
            p = p0 - 0.5 * eps * beta * g
            xn = x
            for j in range(n):
                xn = xn + eps * p
                e1, g = grad_e(xn)
                p = p - (0.5 if j == n - 1 else 1.0) * eps * beta * g
            log_a = -(beta * e1 + 0.5 * (p ** 2).sum(1)) + (beta * e0 + 0.5 * (p0 ** 2).sum(1))
            x = torch.where(mh_accept(log_a, in_box(xn))[:, None], xn, x)
        return x

    def underdamped(x, k):
        h, gamma = P["udStep"], P["udFriction"]
        c = math.exp(-gamma * h)
        v = torch.randn_like(x) / math.sqrt(beta)
        _, g = grad_e(x)
        for _ in range(k):  # BAOAB: kick, drift, Ornstein-Uhlenbeck, drift, kick
            v = v - 0.5 * h * g
            x = x + 0.5 * h * v
            v = c * v + math.sqrt((1 - c * c) / beta) * torch.randn_like(x)
            x = x + 0.5 * h * v
            lo, hi = BOX
            out = (x < lo) | (x > hi)
            x, v = reflect(x), torch.where(out, -v, v)
            _, g = grad_e(x)
            v = v - 0.5 * h * g
        return x

    def sample(x, k):
        if SAMPLER == "mala":
            return mala(x, k, P["malaStep"])
        if SAMPLER == "mh":
            return mh(x, k)
        if SAMPLER == "hmc":
            return hmc(x, k)
        if SAMPLER == "underdamped":
            return underdamped(x, k)
        if SAMPLER == "replica":
            # The page's replica exchange keeps hotter copies; here its coldest rung only.
            return mala(x, k, P["replicaStep"])
        return langevin(x, k)

    data = torch.tensor(POINTS)
    chains = torch.empty(int(S["chains"]), 2).uniform_(*BOX)
    opt = torch.optim.Adam(model.parameters(), lr=S["learning_rate"], betas=(0.0, 0.999))
    B, K, rho, alpha = int(S["batch"]), int(S["steps_per_iteration"]), S["reinit_fraction"], S["alpha"]
    cells = None

    def restarts(n, it):
        # Where restarted chains begin (the page's "Restart from"): uniform over the box, at
        # data points nudged by a quarter cell, or from the model's density on a 64x64 grid of
        # cells, P(cell) ~ exp(-beta E(centre)), uniform within the cell (refreshed every 5).
        nonlocal cells
        h = (BOX[1] - BOX[0]) / 64
        if S["reinit_from"] == "data":
            x = data[torch.randint(len(data), (n,))] + 0.25 * h * torch.randn(n, 2)
            return reflect(x)
        if S["reinit_from"] != "model":
            return torch.empty(n, 2).uniform_(*BOX)
        c = BOX[0] + (torch.arange(64) + 0.5) * h
        yy, xx = torch.meshgrid(c, c, indexing="ij")
        centres = torch.stack([xx.ravel(), yy.ravel()], 1)
        if cells is None or it % 5 == 0:
            with torch.no_grad():
                cells = torch.softmax(-beta * model(centres), 0)
        idx = torch.multinomial(cells, n, replacement=True)
        return centres[idx] + (torch.rand(n, 2) - 0.5) * h

    T = S["anneal_iterations"]
    # The model shown is the average of recent weights (ebm/weightAverage.ts): an EMA whose
    # horizon grows from 1 to average_iterations as the learning rate comes down.
    A = S["average_iterations"]
    avg = None
    for it in range(args.iterations):
        # Learning rate: a cosine from lr to 5 % of it over T iterations, then held (0: constant).
        f = 1.0 if T <= 0 else 0.05 if it >= T else 0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * it / T))
        for g in opt.param_groups:
            g["lr"] = S["learning_rate"] * f
        # The replay buffer: the first B chains, a fraction rho restarted (see restarts), advanced K
        # steps, then moved to the end (every chain is visited once every chains/B iterations).
        head = chains[:B]
        fresh = torch.rand(B, 1) < rho
        head = torch.where(fresh, restarts(B, it), head)
        neg = sample(head, K).detach()
        chains = torch.cat([chains[B:], neg])
        xb = data[torch.randint(len(data), (B,))]
        ed, en = model(xb), model(neg)
        loss = ed.mean() - en.mean() + alpha * ((ed ** 2).mean() + (en ** 2).mean())
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), S["max_grad_norm"])
        opt.step()
        H = 1.0 if A <= 1 else A if T <= 0 else max(1.0, 1 + (A - 1) * ((1 - f) / 0.95) ** 2)
        with torch.no_grad():
            if avg is None or H <= 1:
                avg = [p.detach().clone() for p in model.parameters()]
            else:
                for a, p in zip(avg, model.parameters()):
                    a.mul_(1 - 1 / H).add_(p.detach(), alpha=1 / H)
        if it % 100 == 0:
            print("iteration %d  loss %.4f  E(data) %.3f  E(samples) %.3f" % (it, loss.item(), ed.mean().item(), en.mean().item()))
    g = torch.linspace(BOX[0], BOX[1], 128)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    with torch.no_grad():
        if avg is not None:
            for a, p in zip(avg, model.parameters()):
                p.copy_(a)
        e = model(torch.stack([xx.ravel(), yy.ravel()], 1)).reshape(128, 128).numpy()
    plot(e, POINTS, chains.numpy())


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="EBM Playground run")
    ap.add_argument("--energy", help='points "x,y;x,y": print E there (numpy) and exit')
    ap.add_argument("--iterations", type=int, default=2000)
    a = ap.parse_args()
    if a.energy is not None:
        main_numpy(a)
        sys.exit(0)
    try:
        import torch
    except ImportError:
        main_numpy(a)
        sys.exit(0)
    main_torch(a, torch)
`;
