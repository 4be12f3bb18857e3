// The security notes the renderer writes on pod templates reach the page as messages.
import { isWorkload } from '../k8s-types';
import { GLUE_IMAGE_NOTE } from '../render/agents/glue';
import { ROOT_TASK_NOTE } from '../render/agents/task-template';
import { CLEARML_IMAGE_NOTE } from '../render/pod';
import { render } from '../render/render';
import { createValues } from '../values';
import { noteMessage, planScc, SECURITY_NOTE_ANNOTATION } from './plan';

describe('security notes', () => {
  it('has a message for every note the renderer writes, in the same English', async () => {
    const notes = new Set([GLUE_IMAGE_NOTE, ROOT_TASK_NOTE, CLEARML_IMAGE_NOTE]);
    for (const mode of ['least-privilege', 'chart-compatible'] as const) {
      const objects = await render(
        createValues({
          security: { mode },
          agents: [{ name: 'gpu', queues: ['default'], taskPod: { runAsRoot: true } }],
        }),
      );
      for (const o of objects.filter(isWorkload)) {
        const note = o.spec.template.metadata.annotations?.[SECURITY_NOTE_ANNOTATION];
        if (note) notes.add(note);
      }
    }
    expect(notes.size).toBeGreaterThanOrEqual(5);
    for (const note of notes) {
      const m = noteMessage(note);
      expect(typeof m, note).toBe('object');
      expect(typeof m === 'object' && m.text).toBe(note);
    }
  });

  it('says the reason of a grant with the note as a message', async () => {
    const objects = await render(createValues({ security: { mode: 'chart-compatible' } }));
    const mongodb = planScc(objects, { mode: 'chart-compatible' }).find(
      (e) => e.serviceAccount === 'clearml-mongodb',
    )!;
    expect(mongodb.reason).toBe(
      "runs as the fixed UID 1001, outside the namespace's UID range: the upstream chart fixes UID and fsGroup 1001",
    );
    expect(mongodb.i18n.params?.note).toMatchObject({ id: 'scc.note.chartUid' });
  });
});
