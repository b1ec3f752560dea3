/** The API's roles (bearer token claim `role`), with the words a clerk uses for them. */
export const ROLES = ['admin', 'auditor', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: '管理员',
  auditor: '审计员',
  reporter: '报表',
};

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  admin: '办理换届选举和组织调整的每一步',
  auditor: '查阅历史、任一日期的组织架构和核验记录',
  reporter: '查看统计报表和导出',
};

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
