import { key, send, type Phase } from './script-support';
import { generateXiaoyiService } from './xiaoyi-service';

/**
 * 示范党支部创建: the campaign launched in July, the ten branches chosen, each item of
 * 一场所八个有四清楚 evidenced in September, the 六好 scored in October, the bureau's approval in
 * November with each branch's brand and funding, and the secretaries' exchange visits.
 */
export const demonstrationPhase: Phase = {
  name: 'demonstration',
  needs: [
    'POST /demonstrations',
    'POST /demonstrations/{demonstrationId}/branches',
    'POST /demonstrations/{demonstrationId}/branches/{branchId}/evidence',
    'POST /demonstrations/{demonstrationId}/branches/{branchId}/assessments',
    'POST /demonstrations/{demonstrationId}/branches/{branchId}/approval',
    'POST /demonstrations/{demonstrationId}/branches/{branchId}/brand',
    'POST /demonstrations/{demonstrationId}/branches/{branchId}/funding',
    'POST /demonstrations/{demonstrationId}/visits',
  ],
  estimate: (year) => {
    const service = generateXiaoyiService(year);
    const perBranch = 1 + 13 + 6 + 3;
    return 1 + service.branches.length * perBranch + service.visits.length;
  },
  async run(context, progress) {
    const service = generateXiaoyiService(context.year);
    const base = `/demonstrations/${service.demonstrationId}`;
    await send(context, progress, key('demonstration'), '/demonstrations', {
      campaignId: service.demonstrationId,
      title: service.title,
      year: Number(service.launchedOn.slice(0, 4)),
      occurredAt: service.launchedOn,
    });
    for (const { branch } of service.branches) {
      await send(context, progress, key('demonstration', branch.key), `${base}/branches`, {
        branchId: branch.branchId,
        occurredAt: service.designatedOn,
      });
    }
    for (const { branch, evidence } of service.branches) {
      for (const item of evidence) {
        await send(
          context,
          progress,
          key('demonstration', branch.key, 'evidence', item.itemId),
          `${base}/branches/${branch.branchId}/evidence`,
          { ...item, occurredAt: item.checkedOn },
        );
      }
    }
    for (const { branch, scores } of service.branches) {
      for (const [criterionId, score] of scores) {
        await send(
          context,
          progress,
          key('demonstration', branch.key, 'assess', criterionId),
          `${base}/branches/${branch.branchId}/assessments`,
          { criterionId, score, assessedBy: '市委老干部局考评组', occurredAt: '2022-10-28' },
        );
      }
    }
    for (const visit of service.visits) {
      await send(context, progress, key('demonstration', 'visit', visit.host.key), `${base}/visits`, {
        visitId: visit.visitId,
        hostBranchId: visit.host.branchId,
        visitingBranchIds: visit.visiting.map((branch) => branch.branchId),
        visitors: visit.visitors,
        learned: visit.learned,
        occurredAt: visit.on,
      });
    }
    for (const { branch, brand, grantId, amountYuan } of service.branches) {
      const path = `${base}/branches/${branch.branchId}`;
      await send(context, progress, key('demonstration', branch.key, 'approve'), `${path}/approval`, {
        approvedBy: service.approvedBy,
        documentNumber: service.documentNumber,
        level: 'county',
        occurredAt: service.approvedOn,
      });
      await send(context, progress, key('demonstration', branch.key, 'brand'), `${path}/brand`, {
        ...brand,
        occurredAt: service.approvedOn,
      });
      await send(context, progress, key('demonstration', branch.key, 'funding'), `${path}/funding`, {
        grantId,
        amountYuan,
        purpose: '更新制作版面、完善活动场所',
        occurredAt: service.approvedOn,
      });
    }
    const funding = service.branches.reduce((total, branch) => total + branch.amountYuan, 0);
    return `${service.branches.length} 示范党支部 approved with 13/13 checklist items and a brand, ${funding} yuan granted, ${service.visits.length} exchange visits`;
  },
};

/** 支部引领型志愿服务: ten teams formed in June, their activities from July to December. */
export const volunteerPhase: Phase = {
  name: 'volunteers',
  needs: [
    'POST /volunteer-teams',
    'POST /volunteer-teams/{teamId}/members',
    'POST /volunteer-teams/{teamId}/activities',
  ],
  estimate: (year) =>
    generateXiaoyiService(year).teams.reduce(
      (total, team) => total + 1 + team.memberIds.length + team.activities.length,
      0,
    ),
  async run(context, progress) {
    const service = generateXiaoyiService(context.year);
    for (const team of service.teams) {
      await send(context, progress, key('volunteer-team', team.branch.key), '/volunteer-teams', {
        teamId: team.teamId,
        name: team.name,
        leadBranchId: team.branch.branchId,
        leaderMemberId: team.leaderId,
        occurredAt: service.teamsFormedOn,
      });
      for (const memberId of team.memberIds) {
        await send(
          context,
          progress,
          key('volunteer-team', team.branch.key, 'join', memberId),
          `/volunteer-teams/${team.teamId}/members`,
          { memberId, occurredAt: service.teamsFormedOn },
        );
      }
    }
    const byDate = service.teams
      .flatMap((team) => team.activities.map((activity) => ({ team, activity })))
      .sort((a, b) => a.activity.on.localeCompare(b.activity.on));
    for (const { team, activity } of byDate) {
      await send(
        context,
        progress,
        key('volunteer-team', team.branch.key, 'activity', activity.kind),
        `/volunteer-teams/${team.teamId}/activities`,
        { ...activity, occurredAt: activity.on },
      );
    }
    return `${service.teams.length} volunteer teams, ${byDate.length} activities, ${service.personTimes} person-times (人次)`;
  },
};
