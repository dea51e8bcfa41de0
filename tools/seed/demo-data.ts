import { chinaDayFromToday } from '@aftercare/business-time';

/** A small, realistic company: two partner brands, customers in six cities, engineers, consumable plans. */
export const DEMO_PARTNERS = [
  { code: 'PHILIPS', name: 'Philips Water Solutions (China)' },
  { code: 'XIAOMI', name: 'Xiaomi Smart Home' },
];

export const DEMO_ORDERS = [
  {
    partner: 'PHILIPS',
    externalRef: 'PH-2026-11-0001',
    productModel: 'AquaPure X5',
    preferredDate: chinaDayFromToday(3),
    customer: { name: 'Wang Fang', phone: '13800138001', city: 'Shanghai', address: '88 Century Avenue, Pudong' },
  },
  {
    partner: 'PHILIPS',
    externalRef: 'PH-2026-11-0002',
    productModel: 'AquaPure X5',
    preferredDate: chinaDayFromToday(4),
    customer: { name: 'Li Wei', phone: '13800138002', city: 'Beijing', address: '1 Jianguomenwai Avenue, Chaoyang' },
  },
  {
    partner: 'PHILIPS',
    externalRef: 'PH-2026-11-0003',
    productModel: 'AquaPure RO 600',
    preferredDate: chinaDayFromToday(5),
    customer: { name: 'Chen Jing', phone: '13800138003', city: 'Hangzhou', address: '18 West Lake Road, Xihu' },
  },
  {
    partner: 'PHILIPS',
    externalRef: 'PH-2026-11-0004',
    productModel: 'AquaPure RO 600',
    preferredDate: null,
    customer: { name: 'Golden Dragon Restaurant', phone: '020-83338888', city: 'Guangzhou', address: '203 Beijing Road, Yuexiu' },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-20261122-A01',
    productModel: 'Mi Water Purifier H1000G',
    preferredDate: chinaDayFromToday(3),
    customer: { name: 'Zhao Lei', phone: '13900139001', city: 'Shenzhen', address: '9 Keji Road, Nanshan' },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-20261122-A02',
    productModel: 'Mi Water Purifier H1000G',
    preferredDate: chinaDayFromToday(6),
    customer: { name: 'Sun Mei', phone: '13900139002', city: 'Chengdu', address: '66 Tianfu Avenue, Wuhou' },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-20261122-A03',
    productModel: 'Mi Water Purifier Q800',
    preferredDate: chinaDayFromToday(7),
    customer: { name: 'Zhou Qiang', phone: '13900139003', city: 'Shanghai', address: "500 Nanjing West Road, Jing'an" },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-20261122-A04',
    productModel: 'Mi Water Purifier Q800',
    preferredDate: null,
    customer: { name: 'Hotel Lakeview', phone: '0571-87001234', city: 'Hangzhou', address: '2 Hubin Road, Shangcheng' },
  },
];

/** The four machines the two brands sell: every demo engineer is certified for the brands' models they install. */
const PHILIPS_MODELS = ['AquaPure X5', 'AquaPure RO 600'];
const XIAOMI_MODELS = ['Mi Water Purifier H1000G', 'Mi Water Purifier Q800'];
const certified = (brand: string, models: string[]) => models.map((productModel) => ({ brand, productModel, certifiedOn: chinaDayFromToday(-90) }));
const ALL_SKILLS = [...certified('PHILIPS', PHILIPS_MODELS), ...certified('XIAOMI', XIAOMI_MODELS)];

/**
 * Engineers who hold skills and cover the seeded cities (home city plus neighbours), so the day's dispatch
 * finds someone for most of the day's work.
 */
export const DEMO_ENGINEERS = [
  { name: 'Liu Yang', phone: '13700137001', employment: 'EMPLOYEE', homeCity: 'Shanghai', cities: ['Hangzhou'], skills: ALL_SKILLS, dailyCapacity: 6 },
  { name: 'Huang Bo', phone: '13700137002', employment: 'EMPLOYEE', homeCity: 'Shanghai', cities: [], skills: ALL_SKILLS, dailyCapacity: 5 },
  { name: 'Xu Ming', phone: '13700137003', employment: 'EMPLOYEE', homeCity: 'Beijing', cities: [], skills: ALL_SKILLS, dailyCapacity: 6 },
  {
    name: 'Guo Jun',
    phone: '13700137004',
    employment: 'PLATFORM_PARTNER',
    homeCity: 'Hangzhou',
    cities: ['Shanghai'],
    skills: certified('PHILIPS', PHILIPS_MODELS),
    dailyCapacity: 4,
  },
  { name: 'He Tao', phone: '13700137005', employment: 'EMPLOYEE', homeCity: 'Shenzhen', cities: ['Guangzhou'], skills: ALL_SKILLS, dailyCapacity: 6 },
  {
    name: 'Ma Lin',
    phone: '13700137006',
    employment: 'PLATFORM_PARTNER',
    homeCity: 'Chengdu',
    cities: [],
    skills: certified('XIAOMI', XIAOMI_MODELS),
    dailyCapacity: 3,
  },
  { name: 'Luo Hui', phone: '13700137007', employment: 'EMPLOYEE', homeCity: 'Guangzhou', cities: ['Shenzhen'], skills: ALL_SKILLS, dailyCapacity: 5 },
];

/**
 * Today's work: install orders the seed books for today (China time), so "Run the day's dispatch" on the
 * dispatcher board has a day to assign. The orders above stay in the queue, waiting to be booked.
 */
export const DEMO_TODAYS_ORDERS = [
  {
    partner: 'PHILIPS',
    externalRef: 'PH-TODAY-01',
    productModel: 'AquaPure X5',
    slot: 'MORNING',
    customer: { name: 'Qin Yu', phone: '13800138101', city: 'Shanghai', address: '1200 Huaihai Middle Road, Xuhui' },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-TODAY-02',
    productModel: 'Mi Water Purifier Q800',
    slot: 'MORNING',
    customer: { name: 'Tang Li', phone: '13900139102', city: 'Shanghai', address: '77 Zhangyang Road, Pudong' },
  },
  {
    partner: 'PHILIPS',
    externalRef: 'PH-TODAY-03',
    productModel: 'AquaPure RO 600',
    slot: 'AFTERNOON',
    customer: { name: 'Yang Xue', phone: '13800138103', city: 'Shanghai', address: '318 Xizang South Road, Huangpu' },
  },
  {
    partner: 'PHILIPS',
    externalRef: 'PH-TODAY-04',
    productModel: 'AquaPure X5',
    slot: 'MORNING',
    customer: { name: 'Deng Chao', phone: '13800138104', city: 'Beijing', address: '25 Financial Street, Xicheng' },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-TODAY-05',
    productModel: 'Mi Water Purifier H1000G',
    slot: 'AFTERNOON',
    customer: { name: 'Shen Yue', phone: '13900139105', city: 'Hangzhou', address: '99 Wensan Road, Xihu' },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-TODAY-06',
    productModel: 'Mi Water Purifier H1000G',
    slot: 'MORNING',
    customer: { name: 'Xie Na', phone: '13900139106', city: 'Shenzhen', address: '3 Shennan Avenue, Futian' },
  },
  {
    partner: 'PHILIPS',
    externalRef: 'PH-TODAY-07',
    productModel: 'AquaPure RO 600',
    slot: 'AFTERNOON',
    customer: { name: 'Fan Bing', phone: '13800138107', city: 'Guangzhou', address: '10 Zhujiang East Road, Tianhe' },
  },
  {
    partner: 'XIAOMI',
    externalRef: 'XM-TODAY-08',
    productModel: 'Mi Water Purifier Q800',
    slot: 'MORNING',
    customer: { name: 'Gao Yuan', phone: '13900139108', city: 'Chengdu', address: '8 Chunxi Road, Jinjiang' },
  },
  // Nobody covers Wuhan: the one job the day's dispatch cannot place (a backup search opens for it).
  {
    partner: 'PHILIPS',
    externalRef: 'PH-TODAY-09',
    productModel: 'AquaPure X5',
    slot: 'AFTERNOON',
    customer: { name: 'Kong Wen', phone: '13800138109', city: 'Wuhan', address: '16 Zhongshan Avenue, Jianghan' },
  },
];

/** Settlement fees per job, so verified work is priced and engineers see what they earned. */
export const DEMO_TARIFFS = [
  { workType: 'INSTALL', distanceFromKm: 0, feeCents: 8000 },
  { workType: 'INSTALL', distanceFromKm: 30, feeCents: 12000 },
  { workType: 'CONSUMABLE_REPLACEMENT', distanceFromKm: 0, feeCents: 3000 },
  { workType: 'REPAIR', distanceFromKm: 0, feeCents: 6000 },
  { workType: 'SCHEDULED_SERVICE_VISIT', distanceFromKm: 0, feeCents: 5000 },
];

/**
 * The sales team: staff users (token `sub`, any string) working as salespeople. `demo-sales` is the person
 * the development sign-in and the printed SALES token are; Zhao Min is leaving, so a supervisor has a
 * handover to do.
 */
export const DEMO_SALESPEOPLE = [
  { staffUserId: 'demo-sales', name: 'Demo Sales', team: 'East' },
  { staffUserId: 'li.na', name: 'Li Na', team: 'East' },
  { staffUserId: 'zhao.min', name: 'Zhao Min', team: 'East' },
];

/** Business customers the salespeople own, by staffUserId; each with contacts and sites. */
export const DEMO_SALES_CUSTOMERS = [
  {
    owner: 'demo-sales',
    name: 'Jade Garden Restaurant',
    phone: '021-62881234',
    city: 'Shanghai',
    address: "168 Yuyuan Road, Jing'an",
    businessType: 'RESTAURANT',
    grade: 'A',
    key: true,
    scale: 4,
    influence: 4,
    contacts: [{ name: 'Manager Pan', phone: '13611112222', position: 'Store manager' }],
    sites: [{ city: 'Shanghai', address: "168 Yuyuan Road, Jing'an", areaM2: 320 }],
  },
  {
    owner: 'demo-sales',
    name: 'Riverside Office Park',
    phone: '021-58776655',
    city: 'Shanghai',
    address: '1500 Century Avenue, Pudong',
    businessType: 'OFFICE',
    grade: 'B',
    key: false,
    scale: 5,
    influence: 3,
    contacts: [{ name: 'Ms Lu', phone: '13611113333', position: 'Facilities' }],
    sites: [{ city: 'Shanghai', address: '1500 Century Avenue, Pudong', areaM2: 2400 }],
  },
  {
    owner: 'demo-sales',
    name: 'Harmony Hotel Pudong',
    phone: '021-50558888',
    city: 'Shanghai',
    address: '2 Lujiazui Ring Road, Pudong',
    businessType: 'HOTEL',
    grade: 'A',
    key: true,
    scale: 5,
    influence: 5,
    contacts: [{ name: 'Mr Xia', phone: '13611114444', position: 'Chief engineer' }],
    sites: [{ city: 'Shanghai', address: '2 Lujiazui Ring Road, Pudong', areaM2: 5200 }],
  },
  {
    owner: 'demo-sales',
    name: 'Sunrise Primary School',
    phone: '0571-88123456',
    city: 'Hangzhou',
    address: '45 Moganshan Road, Gongshu',
    businessType: 'SCHOOL',
    grade: 'C',
    key: false,
    scale: 3,
    influence: 3,
    contacts: [{ name: 'Principal Wei', phone: '13611115555', position: 'Principal' }],
    sites: [{ city: 'Hangzhou', address: '45 Moganshan Road, Gongshu', areaM2: 900 }],
  },
  {
    owner: 'li.na',
    name: 'Blue Sky Bakery',
    phone: '021-64001122',
    city: 'Shanghai',
    address: '9 Tianzifang Lane, Huangpu',
    businessType: 'RESTAURANT',
    grade: 'D',
    key: false,
    scale: 2,
    influence: 2,
    contacts: [],
    sites: [],
  },
  {
    owner: 'zhao.min',
    name: 'Golden Lotus Tea House',
    phone: '021-63335577',
    city: 'Shanghai',
    address: '28 Fangbang Road, Huangpu',
    businessType: 'RESTAURANT',
    grade: 'B',
    key: false,
    scale: 3,
    influence: 3,
    contacts: [{ name: 'Owner Hu', phone: '13611116666' }],
    sites: [],
  },
  {
    owner: 'zhao.min',
    name: 'Eastern Star Office Tower',
    phone: '021-68889900',
    city: 'Shanghai',
    address: '88 Yincheng Road, Pudong',
    businessType: 'OFFICE',
    grade: 'C',
    key: false,
    scale: 4,
    influence: 2,
    contacts: [],
    sites: [],
  },
];

/** Reference prices per item (region = city) and the standard promise per business type: the contract guardrails. */
export const DEMO_REFERENCE_PRICES = ['Shanghai', 'Hangzhou'].flatMap((region) =>
  ['RESTAURANT', 'OFFICE', 'HOTEL', 'SCHOOL'].flatMap((businessType) => [
    { region, businessType, serviceItem: 'FILTER_SERVICE', referencePriceCents: 80000, bandPercent: 15 },
    { region, businessType, serviceItem: 'PEST_CONTROL', referencePriceCents: 60000, bandPercent: 10 },
    { region, businessType, serviceItem: 'DEEP_CLEAN', referencePriceCents: 120000, bandPercent: 20 },
  ]),
);

export const DEMO_PROMISE_TEMPLATES = [
  { businessType: 'RESTAURANT', visitsPerMonth: 2, qualityStandard: 'STANDARD' },
  { businessType: 'OFFICE', visitsPerMonth: 1, qualityStandard: 'STANDARD' },
  { businessType: 'HOTEL', visitsPerMonth: 2, qualityStandard: 'STANDARD' },
  { businessType: 'SCHOOL', visitsPerMonth: 1, qualityStandard: 'BASIC' },
  { businessType: 'HOUSEHOLD', visitsPerMonth: 1, qualityStandard: 'BASIC' },
];

export const DEMO_CONSUMABLE_PLANS = [
  {
    productModel: 'AquaPure X5',
    brand: 'PHILIPS',
    stages: [
      { name: 'Sediment (PP cotton)', intervalMonths: 3, priceCents: 6900 },
      { name: 'Activated carbon', intervalMonths: 6, priceCents: 12900 },
      { name: 'RO membrane', intervalMonths: 24, priceCents: 59900 },
    ],
  },
  {
    productModel: 'Mi Water Purifier H1000G',
    brand: 'XIAOMI',
    stages: [
      { name: 'PPC composite', intervalMonths: 12, priceCents: 14900 },
      { name: 'RO membrane', intervalMonths: 36, priceCents: 49900 },
    ],
  },
];

/** Complaints against the orders above, by externalRef. */
export const DEMO_COMPLAINTS = [
  { externalRef: 'PH-2026-11-0001', category: 'SERVICE', involvesLiability: false, summary: 'Engineer arrived two hours after the agreed slot' },
  {
    externalRef: 'XM-20261122-A01',
    category: 'PRODUCT_QUALITY',
    involvesLiability: true,
    summary: 'Water leaks from the filter housing a day after installation',
  },
];
