import { describe, expectTypeOf, it } from 'vitest';
import type { RecordedEnvironment } from '../../src/core/io/run-record';
import type { EnvironmentInfo } from '../../src/engine/environment';

describe('RecordedEnvironment', () => {
  it("is what the engine's EnvironmentInfo stores: every live environment is a recordable one", () => {
    expectTypeOf<EnvironmentInfo>().toExtend<RecordedEnvironment>();
    expectTypeOf<keyof EnvironmentInfo>().toEqualTypeOf<keyof RecordedEnvironment>();
  });

  it('knows the capabilities for the live page, which older stored runs may lack', () => {
    expectTypeOf<EnvironmentInfo['sharedArrayBuffer']>().toEqualTypeOf<boolean>();
    expectTypeOf<RecordedEnvironment['sharedArrayBuffer']>().toEqualTypeOf<boolean | undefined>();
  });
});
