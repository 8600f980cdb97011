// A frontend's slice of Hearth through the TypeScript client generated from contracts/openapi/hearth.yaml (compiled by
// the contracts module): an operator creates a community and an entry, a member joins with the code, posts and checks
// in, the operator reads the funnel. Prints one JSON line of what it saw; FrontendClientIT asserts on it.
// Input (environment): HEARTH_CLIENT (the compiled client's index.js), HEARTH_URLS (JSON: service -> base URL),
// OPERATOR_TOKEN, MEMBER_TOKEN.
'use strict';
const client = require(process.env.HEARTH_CLIENT);
const urls = JSON.parse(process.env.HEARTH_URLS);

function config(service, token) {
  return new client.Configuration({ basePath: urls[service], headers: { Authorization: 'Bearer ' + token } });
}

// The other services learn of a join from membership's events: a frontend retries a refusal for a little while.
async function eventually(what, call, done = () => true) {
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      const result = await call();
      if (done(result)) return result;
    } catch (e) {
      if (!(e instanceof client.ResponseError) || Date.now() > deadline) throw e;
    }
    if (Date.now() > deadline) throw new Error(what + ' did not happen in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  const operator = process.env.OPERATOR_TOKEN;
  const member = process.env.MEMBER_TOKEN;
  const membershipAsOperator = new client.MembershipApi(config('membership', operator));
  const membershipAsMember = new client.MembershipApi(config('membership', member));

  const community = await membershipAsOperator.createCommunity({
    createCommunityRequest: { name: 'Typed Runners', theme: 'Run with a typed client', kind: client.CommunityKind.Hobby },
    idempotencyKey: 'slice-' + Date.now(),
  });
  const entry = await membershipAsOperator.createEntry({
    communityId: community.id, createEntryRequest: { channel: client.EntryChannel.InviteLink },
  });
  const joined = await membershipAsMember.joinCommunity({
    communityId: community.id, joinRequest: { entryCode: entry.code },
  });
  let again;
  try {
    await membershipAsMember.joinCommunity({ communityId: community.id, joinRequest: { entryCode: entry.code } });
  } catch (e) {
    again = { status: e.response.status, problem: await e.response.json() };
  }

  const content = new client.ContentApi(config('content', member));
  const post = await eventually('post', () => content.createPost({
    communityId: community.id, createPostRequest: { body: 'First typed run!', topics: ['running'] },
  }));
  const activity = new client.ActivityApi(config('activity', member));
  const checkIn = await eventually('check-in', () => activity.checkIn({ communityId: community.id }));

  const analytics = new client.AnalyticsApi(config('analytics', operator));
  const funnel = await eventually('funnel', () => analytics.getLifecycleFunnel({ communityId: community.id }),
    (f) => f.steps.map((s) => s.count).join(',') === '1,1,1,0');

  console.log(JSON.stringify({
    communityId: community.id,
    memberCount: community.memberCount,
    createdAt: community.createdAt instanceof Date,
    entryCode: entry.code,
    joinedRole: joined.role,
    joinedChannel: joined.channel,
    joinAgain: again,
    postTopics: post.topics,
    checkInCounted: checkIn.counted,
    checkInStreak: checkIn.streak,
    funnelSteps: funnel.steps.map((s) => s.key),
    funnelCounts: funnel.steps.map((s) => s.count),
    paidMedian: funnel.steps[3].medianSecondsFromFirst === undefined ? 'absent' : funnel.steps[3].medianSecondsFromFirst,
  }));
}

main().catch(async (e) => {
  const detail = e.response ? e.response.status + ' ' + (await e.response.text()) : e.stack;
  console.error('frontend slice failed: ' + detail);
  process.exit(1);
});
