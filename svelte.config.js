// Svelte 5 understands `<script lang="ts">` type annotations natively; no preprocessor needed.
export default {
  compilerOptions: { runes: true },
};
