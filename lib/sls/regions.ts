/**
 * SLS regions as data: ids, names in English and Chinese, the area the
 * wizard groups them under, and whether they can still be chosen.
 * Source: docs/sls.md#regions (service-entrance pages, 2024-2025).
 */

export type RegionArea =
  | 'china'
  | 'asia-pacific'
  | 'europe-americas'
  | 'middle-east'
  | 'finance'
  | 'government';

/** `closing`: being decommissioned, still offered but flagged; `closed`: never offered. */
export type RegionStatus = 'active' | 'closing' | 'closed';

export interface Region {
  id: string;
  name: string;
  nameZh: string;
  area: RegionArea;
  status: RegionStatus;
  /** Finance and government clouds need a special account; the Kafka endpoint there is undocumented. */
  special?: 'finance' | 'government';
  note?: string;
}

export const REGION_AREAS: ReadonlyArray<{ id: RegionArea; name: string; nameZh: string }> = [
  { id: 'china', name: 'Chinese mainland', nameZh: '中国内地' },
  { id: 'asia-pacific', name: 'Asia Pacific', nameZh: '亚太' },
  { id: 'europe-americas', name: 'Europe & Americas', nameZh: '欧洲与美洲' },
  { id: 'middle-east', name: 'Middle East', nameZh: '中东' },
  { id: 'finance', name: 'Finance cloud', nameZh: '金融云' },
  { id: 'government', name: 'Government cloud', nameZh: '政务云' },
];

const SPECIAL_NOTE =
  'Needs a finance/government cloud account; SLS does not document the Kafka endpoint here.';

export const REGIONS: readonly Region[] = [
  { id: 'cn-hangzhou', name: 'China (Hangzhou)', nameZh: '华东 1（杭州）', area: 'china', status: 'active' },
  { id: 'cn-shanghai', name: 'China (Shanghai)', nameZh: '华东 2（上海）', area: 'china', status: 'active' },
  { id: 'cn-nanjing', name: 'China (Nanjing – Local Region)', nameZh: '华东 5（南京-本地地域）', area: 'china', status: 'closing', note: 'Being decommissioned.' },
  { id: 'cn-fuzhou', name: 'China (Fuzhou – Local Region)', nameZh: '华东 6（福州-本地地域）', area: 'china', status: 'closing', note: 'Being decommissioned.' },
  { id: 'cn-qingdao', name: 'China (Qingdao)', nameZh: '华北 1（青岛）', area: 'china', status: 'active' },
  { id: 'cn-beijing', name: 'China (Beijing)', nameZh: '华北 2（北京）', area: 'china', status: 'active' },
  { id: 'cn-zhangjiakou', name: 'China (Zhangjiakou)', nameZh: '华北 3（张家口）', area: 'china', status: 'active' },
  { id: 'cn-huhehaote', name: 'China (Hohhot)', nameZh: '华北 5（呼和浩特）', area: 'china', status: 'active' },
  { id: 'cn-wulanchabu', name: 'China (Ulanqab)', nameZh: '华北 6（乌兰察布）', area: 'china', status: 'active' },
  { id: 'cn-shenzhen', name: 'China (Shenzhen)', nameZh: '华南 1（深圳）', area: 'china', status: 'active' },
  { id: 'cn-heyuan', name: 'China (Heyuan)', nameZh: '华南 2（河源）', area: 'china', status: 'active' },
  { id: 'cn-guangzhou', name: 'China (Guangzhou)', nameZh: '华南 3（广州）', area: 'china', status: 'active' },
  { id: 'cn-wuhan-lr', name: 'China (Wuhan – Local Region)', nameZh: '华中 1（武汉-本地地域）', area: 'china', status: 'active' },
  { id: 'cn-chengdu', name: 'China (Chengdu)', nameZh: '西南 1（成都）', area: 'china', status: 'active' },
  { id: 'cn-hongkong', name: 'China (Hong Kong)', nameZh: '中国（香港）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-northeast-1', name: 'Japan (Tokyo)', nameZh: '日本（东京）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-northeast-2', name: 'South Korea (Seoul)', nameZh: '韩国（首尔）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-southeast-1', name: 'Singapore', nameZh: '新加坡', area: 'asia-pacific', status: 'active' },
  { id: 'ap-southeast-2', name: 'Australia (Sydney)', nameZh: '澳大利亚（悉尼）', area: 'asia-pacific', status: 'closed', note: 'Closed in December 2024.' },
  { id: 'ap-southeast-3', name: 'Malaysia (Kuala Lumpur)', nameZh: '马来西亚（吉隆坡）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-southeast-5', name: 'Indonesia (Jakarta)', nameZh: '印度尼西亚（雅加达）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-southeast-6', name: 'Philippines (Manila)', nameZh: '菲律宾（马尼拉）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-southeast-7', name: 'Thailand (Bangkok)', nameZh: '泰国（曼谷）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-southeast-8', name: 'Malaysia (Johor)', nameZh: '马来西亚（柔佛）', area: 'asia-pacific', status: 'active' },
  { id: 'ap-south-1', name: 'India (Mumbai)', nameZh: '印度（孟买）', area: 'asia-pacific', status: 'closed', note: 'Closed.' },
  { id: 'us-west-1', name: 'US (Silicon Valley)', nameZh: '美国（硅谷）', area: 'europe-americas', status: 'active' },
  { id: 'us-east-1', name: 'US (Virginia)', nameZh: '美国（弗吉尼亚）', area: 'europe-americas', status: 'active' },
  { id: 'na-south-1', name: 'Mexico', nameZh: '墨西哥', area: 'europe-americas', status: 'active' },
  { id: 'sa-east-1', name: 'Brazil (São Paulo)', nameZh: '巴西（圣保罗）', area: 'europe-americas', status: 'active' },
  { id: 'eu-central-1', name: 'Germany (Frankfurt)', nameZh: '德国（法兰克福）', area: 'europe-americas', status: 'active' },
  { id: 'eu-west-1', name: 'UK (London)', nameZh: '英国（伦敦）', area: 'europe-americas', status: 'active' },
  { id: 'rus-west-1', name: 'Russia (Moscow)', nameZh: '俄罗斯（莫斯科）', area: 'europe-americas', status: 'closed', note: 'No longer listed by SLS.' },
  { id: 'me-east-1', name: 'UAE (Dubai)', nameZh: '阿联酋（迪拜）', area: 'middle-east', status: 'active' },
  { id: 'me-central-1', name: 'Saudi Arabia (Riyadh)', nameZh: '沙特（利雅得）', area: 'middle-east', status: 'active' },
  { id: 'cn-hangzhou-finance', name: 'China East 1 Finance', nameZh: '华东 1 金融云', area: 'finance', status: 'active', special: 'finance', note: SPECIAL_NOTE },
  { id: 'cn-shanghai-finance-1', name: 'China East 2 Finance', nameZh: '华东 2 金融云', area: 'finance', status: 'active', special: 'finance', note: SPECIAL_NOTE },
  { id: 'cn-beijing-finance-1', name: 'China North 2 Finance (invitation only)', nameZh: '华北 2 金融云（邀测）', area: 'finance', status: 'active', special: 'finance', note: SPECIAL_NOTE },
  { id: 'cn-shenzhen-finance-1', name: 'China South 1 Finance', nameZh: '华南 1 金融云', area: 'finance', status: 'active', special: 'finance', note: SPECIAL_NOTE },
  { id: 'cn-north-2-gov-1', name: 'China North 2 Government Cloud', nameZh: '华北 2 阿里政务云 1', area: 'government', status: 'active', special: 'government', note: SPECIAL_NOTE },
];

const BY_ID = new Map(REGIONS.map((r) => [r.id, r]));

export function findRegion(id: string): Region | undefined {
  return BY_ID.get(id);
}

/** Regions a form offers as normal choices: everything not closed. */
export function selectableRegions(): Region[] {
  return REGIONS.filter((r) => r.status !== 'closed');
}

export const DEFAULT_REGION = 'cn-hangzhou';
