// The science in a few lines, under the playground.
export function Explainer() {
  return (
    <section className="explainer" aria-label="What you are watching">
      <h2>What you are watching</h2>
      <p>
        An <b>energy-based model</b> gives every point x an energy E<sub>θ</sub>(x) (here a small
        neural network) and defines the density p<sub>θ</sub>(x) = exp(−βE<sub>θ</sub>(x)) / Z(θ).
        Low energy (dark blue valleys) means probable.
      </p>
      <p>
        <b>Training</b> follows the maximum-likelihood gradient ∂<sub>θ</sub> log p(x) = E
        <sub>x′∼p</sub>[∂<sub>θ</sub>E(x′)] − ∂<sub>θ</sub>E(x): it pushes the energy <i>down</i> at
        the data (white dots) and <i>up</i> at the model's own samples (orange dots). When the
        samples look like the data, the two pushes cancel.
      </p>
      <p>
        <b>Samples</b> come from Langevin dynamics, x ← x − (ε/2)∇<sub>x</sub>(βE) + N(0, ε): a ball
        rolling downhill with noise. The chains persist between iterations (a replay buffer), and a
        few percent restart at random each time so no valley is forgotten. Drag the points while it
        trains: the samples follow.
      </p>
      <p>
        <b>Other samplers.</b> MALA adds a Metropolis–Hastings accept/reject step to Langevin, so it
        samples exp(−βE) exactly; random-walk Metropolis–Hastings proposes blind jumps and accepts
        with probability min(1, p(x*)/p(x)); Hamiltonian Monte Carlo gives each chain a random
        momentum and glides along a leapfrog path before the accept/reject test. A
        <b> restricted Boltzmann machine</b> (Gaussian visible units, binary hidden units) is the
        classic EBM: its free energy is drawn like any other, and blocked Gibbs sampling alternates
        h ∼ p(h | v) and v ∼ p(v | h). Switch to <i>Sample</i> mode to freeze the model and compare
        them on the same landscape; click it to drop chains at a point.
      </p>
      <p>
        <b>The normaliser.</b> In 2D the partition function Z(θ) = ∫ exp(−βE) dx can be computed on
        a grid, so the page shows the real density p<sub>θ</sub>, the likelihood of the data (NLL)
        and how far the model is from the data (KL) — quantities that are out of reach in high
        dimension.
      </p>
    </section>
  );
}
