/** The empty task for the workerpool comparison: the library's own worker loop, one method that does nothing. */
import { worker } from 'workerpool';

worker({
  empty: () => 0,
});
