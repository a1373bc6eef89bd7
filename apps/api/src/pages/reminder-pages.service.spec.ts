import { jest } from '@jest/globals';
import type { Principal } from '../../../../libs/core/src/index.js';
import { NOTICES_SHOWN, ReminderPagesService } from './reminder-pages.service.js';

const row = (
  id: string,
  kind: string,
  details: Record<string, unknown>,
  spaceRef: string | null = 'BRU-A',
) => ({
  id,
  kind,
  subject: id,
  spaceRef,
  details,
  createdAt: new Date(),
  readAt: null,
});

const coordinator = { userId: 'u1', role: 'coordinator' } as Principal;

function service(rows: ReturnType<typeof row>[], due = rows.map((r) => r.id)) {
  const reminders = { list: jest.fn(async () => rows), markRead: jest.fn(async () => undefined) };
  const repo = { stillDue: jest.fn(async () => new Map(due.map((id) => [id, 'EPN Centre']))) };
  return { pages: new ReminderPagesService(reminders as never, repo as never), reminders, repo };
}

describe('ReminderPagesService', () => {
  it('shows only what is still due and fully known, the label first', async () => {
    const { pages } = service(
      [
        row('w1', 'missing_week', { week: '2026-W46' }),
        row('w2', 'missing_week', {}),
        row('w3', 'missing_week', { week: '2026-W46' }, null),
        row('x1', 'something_new', { week: '2026-W46' }),
        row('l1', 'label_expiry', { validUntil: '2026-12-02', labelId: 'l' }),
        row('w4', 'missing_week', { week: '2026-W45' }),
      ],
      ['w1', 'w2', 'w3', 'x1', 'l1'],
    );
    const notices = await pages.notices(coordinator, 'en');
    expect(notices.map((n) => n.id)).toEqual(['l1', 'w1']);
    expect(notices[1]).toMatchObject({
      text: 'Week 46 (9–15 November 2026) of EPN Centre has not been reported yet.',
      linkHref: '/spaces/BRU-A/week?week=2026-W46',
      hideAction: '/reminders/w1/read',
    });
  });

  it('keeps the list short and says how many more there are', async () => {
    const weeks = Array.from({ length: NOTICES_SHOWN + 3 }, (_, i) =>
      row(`w${i}`, 'missing_week', { week: `2026-W${String(i + 10).padStart(2, '0')}` }),
    );
    const view = await service(weeks).pages.forMySpaces(coordinator, 'nl', true);
    expect(view.reminders).toHaveLength(NOTICES_SHOWN);
    expect(view.remindersMore).toBe(
      'Er zijn nog 3 herinneringen. Verberg wat klaar is om de volgende te zien.',
    );
    expect(view.flash).toBe('De herinnering is verborgen.');
  });

  it('marks read only a well-formed id, and sends back to a label page only', async () => {
    const { pages, reminders } = service([]);
    await expect(pages.markRead(coordinator, 'nope', undefined)).rejects.toMatchObject({ status: 404 });
    expect(reminders.markRead).not.toHaveBeenCalled();
    const id = '6f1c2a4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f';
    expect(await pages.markRead(coordinator, id, '/spaces/BRU-A/label')).toBe(
      '/spaces/BRU-A/label?hidden=1#saved',
    );
    expect(await pages.markRead(coordinator, id, '//evil.example/spaces/x/label')).toBe(
      '/my-spaces?hidden=1#saved',
    );
    expect(reminders.markRead).toHaveBeenCalledWith(id, 'u1');
  });
});
