import axe from 'axe-core';
import { flushSync, mount, unmount, type Component } from 'svelte';

/** Mounts a component into a fresh element in document.body; returns it and a cleanup. */
export function render<P extends Record<string, unknown>>(component: Component<P>, props: P) {
  const target = document.createElement('div');
  document.body.appendChild(target);
  const instance = mount(component, { target, props });
  flushSync();
  let mounted = true;
  return {
    target,
    destroy() {
      if (!mounted) return;
      mounted = false;
      void unmount(instance);
      target.remove();
    },
  };
}

/** Types into a text field as a person would (input event), then lets svelte update. */
export function typeInto(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

export function byId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const el = root.querySelector<T>(`#${CSS.escape(id)}`);
  if (!el) throw new Error(`no element #${id}`);
  return el;
}

/** Serious and critical axe-core violations inside `root`, one line each. */
export async function seriousViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
