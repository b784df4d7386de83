import { describe, expectTypeOf, it } from 'vitest';
import type { RecordedEnvironment } from '../../src/core/run-record';
import type { EnvironmentInfo } from '../../src/engine/environment';

describe('RecordedEnvironment', () => {
  it("is the engine's EnvironmentInfo, field for field (checked by the type checker)", () => {
    expectTypeOf<EnvironmentInfo>().toEqualTypeOf<RecordedEnvironment>();
  });
});
