import { type RefObject, useEffect, useRef } from 'react';

const RESULT = '[data-test="deploy-done"], [data-test="deploy-failed"], [data-test="deploy-error"]';

/**
 * When a deploy ends, moves focus to its result (success, stop or error) inside `root`, so a
 * keyboard or screen-reader user lands on what happened instead of the page body.
 */
export function useFocusResult(root: RefObject<HTMLElement | null>, running: boolean) {
  const wasRunning = useRef(running);
  useEffect(() => {
    const ended = wasRunning.current && !running;
    wasRunning.current = running;
    if (!ended) return;
    const result = root.current?.querySelector<HTMLElement>(RESULT);
    if (!result) return;
    if (!result.hasAttribute('tabindex')) result.setAttribute('tabindex', '-1');
    result.focus();
  }, [root, running]);
}
