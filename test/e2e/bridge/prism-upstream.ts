import { rewriteForPrism } from '../../contract/exceptions';
import { startPrism, type Prism } from '../../contract/prism';
import { startRecorder, type Recorder } from '../../contract/recorder';

export interface PrismUpstream {
  /** Base URL for the app (ALTEGIO_BASE_URL): the recorder in front of Prism. */
  url: string;
  prism: Prism;
  recorder: Recorder;
  close(): Promise<void>;
}

/**
 * Altegio's official description as the app's server: Prism mocks it from its examples and checks
 * every request (a violation is answered 422). The recorder between them keeps every exchange and
 * applies the test-setup rewrites that test/contract/exceptions.json explains.
 */
export async function startPrismUpstream(): Promise<PrismUpstream> {
  const prism = await startPrism({ mode: 'mock' });
  const recorder = await startRecorder(prism.url, rewriteForPrism);
  return {
    url: recorder.url,
    prism,
    recorder,
    async close() {
      await recorder.close();
      await prism.close();
    },
  };
}
