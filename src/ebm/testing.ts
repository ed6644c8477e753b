// Test-only: put tfjs on its cpu backend in Node. Imported by unit tests.
import '@tensorflow/tfjs-backend-cpu';
import { tf } from './tf';

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
