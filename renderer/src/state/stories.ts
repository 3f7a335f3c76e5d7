import type { Story } from '#shared/present/story';
import type { Document } from './document';

/** Hearing stories, saved and deleted as undoable steps. */
export class Stories {
  constructor(private readonly document: Document) {}

  /** Saves a story (one undo step); rejects naming the field when it is not valid. */
  async save(story: Story) {
    await this.document.commit('story', {
      ok: true,
      change: { stories: [{ ...story, updatedAt: new Date().toISOString() }] },
      ids: [],
    });
  }

  async remove(storyId: string) {
    await this.document.commit('story', { ok: true, change: { removeStories: [storyId] }, ids: [] });
  }
}
