// The science in a few lines, under the playground.
export function Explainer() {
  return (
    <section className="explainer">
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
    </section>
  );
}
