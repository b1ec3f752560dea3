import { CommandMetadata } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification';
import { DemonstrationCommand } from './demonstration.commands';
import { demonstrationDecider, demonstrationStreamName } from './demonstration.decider';
import { DemonstrationEvent } from './demonstration.events';
import { demonstrationStandard } from './demonstration-standard';

const spec = deciderSpecification(demonstrationDecider);
const at = '2022-06-01T09:00:00+08:00';
const metadata: CommandMetadata = { at, actor: { id: 'u-1', name: '管理员', role: 'admin' } };
const standard = demonstrationStandard('xiaoyi-2022')!;
const campaignId = 'd-2022';
const cmd = <T extends DemonstrationCommand['type']>(
  type: T,
  data: Omit<Extract<DemonstrationCommand, { type: T }>['data'], 'campaignId'>,
): DemonstrationCommand => ({ type, data: { campaignId, ...data }, metadata }) as unknown as DemonstrationCommand;

const launched: DemonstrationEvent = {
  type: 'DemonstrationCampaignLaunched',
  data: { campaignId, title: '2022年示范党支部创建', year: 2022, standardVersion: 'xiaoyi-2022', at },
};
const designated = (branchId: string): DemonstrationEvent => ({
  type: 'DemonstrationBranchDesignated',
  data: { campaignId, branchId, at },
});
const evidence = { kind: 'photo' as const, reference: 'IMG-001', checkedOn: '2022-05-30', checkedBy: '王组织' };
const evidenced = (branchId: string, itemId: string): DemonstrationEvent => ({
  type: 'ChecklistEvidenceRecorded',
  data: { campaignId, branchId, itemId, evidence, at },
});
const assessed = (
  branchId: string,
  criterionId: string,
  score: number | null,
  passed: boolean,
): DemonstrationEvent => ({
  type: 'DemonstrationCriterionAssessed',
  data: { campaignId, branchId, criterionId, score, passed, assessedBy: '考评组', at },
});
const open = { branchStatus: 'open' as const, established: {} };
/** Every item evidenced and every criterion met, except those named. */
const ready = (branchId: string, exceptItem?: string): DemonstrationEvent[] => [
  launched,
  designated(branchId),
  ...standard.checklist.filter((item) => item.id !== exceptItem).map((item) => evidenced(branchId, item.id)),
  ...standard.criteria.map((criterion) => assessed(branchId, criterion.id, 90, true)),
];
const approve = cmd('ApproveDemonstrationBranch', {
  branchId: 'b-fz',
  approvedBy: '中共孝义市委老干部局',
  documentNumber: '孝老干字〔2022〕9号',
  level: 'county',
});

describe('Demonstration decider', () => {
  it('launches a campaign on stream demonstration-… under a standard version, once', () => {
    expect(demonstrationStreamName(campaignId)).toBe('demonstration-d-2022');
    spec
      .given([])
      .when(cmd('LaunchDemonstrationCampaign', { title: '2022年示范党支部创建', year: 2022 }))
      .then([launched]);
    spec
      .given([launched])
      .when(cmd('LaunchDemonstrationCampaign', { title: 'x', year: 2022 }))
      .thenThrows('DEMONSTRATION_CAMPAIGN_ALREADY_EXISTS');
    spec
      .given([])
      .when(cmd('LaunchDemonstrationCampaign', { title: 'x', year: 2022, standardVersion: 'beijing-38' }))
      .thenThrows('DEMONSTRATION_STANDARD_UNKNOWN');
    spec
      .given([])
      .when(cmd('DesignateDemonstrationBranch', { branchId: 'b-fz', context: open }))
      .thenThrows('DEMONSTRATION_CAMPAIGN_NOT_FOUND');
  });

  it('the standard lists the 六好 and the 13 items of 一场所八个有四清楚', () => {
    expect(standard.criteria.map((c) => c.zh).join('、')).toBe(
      '组织设置好、班子建设好、党员队伍好、学习活动好、作用发挥好、制度坚持好',
    );
    expect(standard.checklist).toHaveLength(13);
    expect(standard.checklist.filter((i) => i.group === 'haves')).toHaveLength(8);
    expect(standard.checklist.filter((i) => i.group === 'clear')).toHaveLength(4);
  });

  it('designates open branches only, once', () => {
    spec
      .given([launched])
      .when(cmd('DesignateDemonstrationBranch', { branchId: 'b-fz', context: open }))
      .then([designated('b-fz')]);
    spec
      .given([launched, designated('b-fz')])
      .when(cmd('DesignateDemonstrationBranch', { branchId: 'b-fz', context: open }))
      .thenNothingHappened();
    spec
      .given([launched])
      .when(cmd('DesignateDemonstrationBranch', { branchId: 'b-x', context: { ...open, branchStatus: 'dissolved' } }))
      .thenThrows('DEMONSTRATION_BRANCH_NOT_OPEN');
    spec
      .given([launched])
      .when(
        cmd('DesignateDemonstrationBranch', {
          branchId: 'b-fz',
          context: {
            branchStatus: 'open',
            established: { 'b-fz': { kind: 'branch', id: 'b-fz', name: '府中', on: '2022-07-01' } },
          },
        }),
      )
      .thenThrows('DATED_BEFORE_ESTABLISHMENT');
  });

  it('records evidence per checklist item with its reference, date and checker', () => {
    const given = [launched, designated('b-fz')];
    spec
      .given(given)
      .when(cmd('RecordChecklistEvidence', { branchId: 'b-fz', itemId: 'flag', evidence }))
      .then([evidenced('b-fz', 'flag')]);
    spec
      .given([...given, evidenced('b-fz', 'flag')])
      .when(cmd('RecordChecklistEvidence', { branchId: 'b-fz', itemId: 'flag', evidence }))
      .thenNothingHappened();
    spec
      .given(given)
      .when(cmd('RecordChecklistEvidence', { branchId: 'b-fz', itemId: 'pool', evidence }))
      .thenThrows('DEMONSTRATION_ITEM_UNKNOWN');
    spec
      .given(given)
      .when(cmd('RecordChecklistEvidence', { branchId: 'b-ly', itemId: 'flag', evidence }))
      .thenThrows('DEMONSTRATION_BRANCH_NOT_DESIGNATED');
    spec
      .given(given)
      .when(
        cmd('RecordChecklistEvidence', {
          branchId: 'b-fz',
          itemId: 'flag',
          evidence: { ...evidence, checkedOn: '2022-07-01' },
        }),
      )
      .thenThrows('DEMONSTRATION_EVIDENCE_CHECKED_LATER');
    spec
      .given(given)
      .when(
        cmd('RecordChecklistEvidence', { branchId: 'b-fz', itemId: 'flag', evidence: { ...evidence, checkedBy: ' ' } }),
      )
      .thenThrows('INVALID_NAME');
  });

  it('assesses a 六好 criterion by score (pass from the standard mark) or by pass/fail', () => {
    const given = [launched, designated('b-fz')];
    spec
      .given(given)
      .when(
        cmd('AssessDemonstrationCriterion', {
          branchId: 'b-fz',
          criterionId: 'rulesKept',
          score: 59,
          assessedBy: '考评组',
        }),
      )
      .then([assessed('b-fz', 'rulesKept', 59, false)]);
    spec
      .given(given)
      .when(
        cmd('AssessDemonstrationCriterion', {
          branchId: 'b-fz',
          criterionId: 'rulesKept',
          passed: true,
          assessedBy: '考评组',
        }),
      )
      .then([assessed('b-fz', 'rulesKept', null, true)]);
    for (const bad of [{}, { score: 101 }, { score: 50, passed: true }]) {
      spec
        .given(given)
        .when(
          cmd('AssessDemonstrationCriterion', {
            branchId: 'b-fz',
            criterionId: 'rulesKept',
            assessedBy: '考评组',
            ...bad,
          }),
        )
        .thenThrows('DEMONSTRATION_ASSESSMENT_INVALID');
    }
    spec
      .given(given)
      .when(
        cmd('AssessDemonstrationCriterion', {
          branchId: 'b-fz',
          criterionId: 'tidy',
          passed: true,
          assessedBy: '考评组',
        }),
      )
      .thenThrows('DEMONSTRATION_CRITERION_UNKNOWN');
  });

  it('approves a branch with 13/13 items and every criterion met; refuses naming a missing item or an unmet criterion', () => {
    spec
      .given(ready('b-fz'))
      .when(approve)
      .then([
        {
          type: 'DemonstrationBranchApproved',
          data: {
            campaignId,
            branchId: 'b-fz',
            approvedBy: '中共孝义市委老干部局',
            documentNumber: '孝老干字〔2022〕9号',
            level: 'county',
            year: 2022,
            at,
          },
        },
      ]);
    const error = spec.given(ready('b-fz', 'wechat')).when(approve).thenThrows('DEMONSTRATION_CHECKLIST_INCOMPLETE');
    expect(error.messageIn('zh-CN')).toContain('“有微信平台”');
    expect(error.message).toContain('a WeChat platform');
    const unmet = spec
      .given([...ready('b-fz'), assessed('b-fz', 'rulesKept', 40, false)])
      .when(approve)
      .thenThrows('DEMONSTRATION_CRITERIA_NOT_MET');
    expect(unmet.messageIn('zh-CN')).toContain('“制度坚持好”');
    const approvedEvent: DemonstrationEvent = {
      type: 'DemonstrationBranchApproved',
      data: {
        campaignId,
        branchId: 'b-fz',
        approvedBy: 'x',
        documentNumber: '孝老干字〔2022〕9号',
        level: 'county',
        year: 2022,
        at,
      },
    };
    const once = [...ready('b-fz'), approvedEvent];
    spec.given(once).when(approve).thenNothingHappened();
    spec
      .given(once)
      .when(
        cmd('ApproveDemonstrationBranch', {
          branchId: 'b-fz',
          approvedBy: 'x',
          documentNumber: '孝老干字〔2022〕10号',
          level: 'city',
        }),
      )
      .thenThrows('DEMONSTRATION_ALREADY_APPROVED');
    spec
      .given(ready('b-fz'))
      .when(
        cmd('ApproveDemonstrationBranch', { branchId: 'b-fz', approvedBy: 'x', documentNumber: ' ', level: 'city' }),
      )
      .thenThrows('DOCUMENT_REFERENCE_REQUIRED');
  });

  it('registers a brand, refines it, and records funding and exchange visits', () => {
    const given = [launched, designated('b-fz')];
    const brand = { branchId: 'b-fz', name: '红色府中', feature: '红色宣讲', story: '老书记讲党课' };
    spec
      .given(given)
      .when(cmd('RegisterBranchBrand', brand))
      .then([{ type: 'BranchBrandRegistered', data: { campaignId, ...brand, previousName: null, at } }]);
    const registered: DemonstrationEvent = {
      type: 'BranchBrandRegistered',
      data: { campaignId, ...brand, previousName: null, at },
    };
    spec
      .given([...given, registered])
      .when(cmd('RegisterBranchBrand', brand))
      .thenNothingHappened();
    spec
      .given([...given, registered])
      .when(cmd('RegisterBranchBrand', { ...brand, name: '银龄府中' }))
      .then([
        {
          type: 'BranchBrandRegistered',
          data: { campaignId, ...brand, name: '银龄府中', previousName: '红色府中', at },
        },
      ]);

    const grant = { branchId: 'b-fz', grantId: 'f-1', amountYuan: 5000, purpose: '更新制作版面' };
    const granted: DemonstrationEvent = { type: 'DemonstrationFundingGranted', data: { campaignId, ...grant, at } };
    spec.given(given).when(cmd('GrantDemonstrationFunding', grant)).then([granted]);
    spec
      .given([...given, granted])
      .when(cmd('GrantDemonstrationFunding', grant))
      .thenNothingHappened();
    spec
      .given([...given, granted])
      .when(cmd('GrantDemonstrationFunding', { ...grant, amountYuan: 6000 }))
      .thenThrows('DEMONSTRATION_GRANT_ALREADY_RECORDED');
    spec
      .given(given)
      .when(cmd('GrantDemonstrationFunding', { ...grant, amountYuan: 0.5 }))
      .thenThrows('DEMONSTRATION_FUNDING_INVALID');

    const visit = {
      visitId: 'v-1',
      hostBranchId: 'b-fz',
      visitingBranchIds: ['b-ly'],
      visitors: ['张书记'],
      learned: '台账分类归档',
      context: { branchStatuses: { 'b-ly': 'open' as const } },
    };
    const { context: _context, ...visitData } = visit;
    const visited: DemonstrationEvent = { type: 'ExchangeVisitRecorded', data: { campaignId, ...visitData, at } };
    spec.given(given).when(cmd('RecordExchangeVisit', visit)).then([visited]);
    spec
      .given([...given, visited])
      .when(cmd('RecordExchangeVisit', visit))
      .thenNothingHappened();
    spec
      .given([...given, visited])
      .when(cmd('RecordExchangeVisit', { ...visit, learned: '别的' }))
      .thenThrows('EXCHANGE_VISIT_ALREADY_RECORDED');
    spec
      .given(given)
      .when(cmd('RecordExchangeVisit', { ...visit, visitingBranchIds: ['b-fz'] }))
      .thenThrows('EXCHANGE_VISIT_TO_ITSELF');
    spec
      .given(given)
      .when(cmd('RecordExchangeVisit', { ...visit, context: { branchStatuses: { 'b-ly': 'dissolved' } } }))
      .thenThrows('DEMONSTRATION_BRANCH_NOT_OPEN');
    spec
      .given(given)
      .when(cmd('RecordExchangeVisit', { ...visit, hostBranchId: 'b-ly', visitingBranchIds: ['b-fz'] }))
      .thenThrows('DEMONSTRATION_BRANCH_NOT_DESIGNATED');
  });
});
