import { chinaDayFromToday } from '@aftercare/business-time';

/** A small, realistic company: two partner brands, customers in six cities, engineers, consumable plans. */
export const DEMO_PARTNERS = [
  { code: 'PHILIPS', name: 'Philips Water Solutions (China)' },
  { code: 'XIAOMI', name: 'Xiaomi Smart Home' },
];

export const DEMO_ORDERS = [
  { partner: 'PHILIPS', externalRef: 'PH-2026-11-0001', productModel: 'AquaPure X5', preferredDate: chinaDayFromToday(3), customer: { name: 'Wang Fang', phone: '13800138001', city: 'Shanghai', address: '88 Century Avenue, Pudong' } },
  { partner: 'PHILIPS', externalRef: 'PH-2026-11-0002', productModel: 'AquaPure X5', preferredDate: chinaDayFromToday(4), customer: { name: 'Li Wei', phone: '13800138002', city: 'Beijing', address: '1 Jianguomenwai Avenue, Chaoyang' } },
  { partner: 'PHILIPS', externalRef: 'PH-2026-11-0003', productModel: 'AquaPure RO 600', preferredDate: chinaDayFromToday(5), customer: { name: 'Chen Jing', phone: '13800138003', city: 'Hangzhou', address: '18 West Lake Road, Xihu' } },
  { partner: 'PHILIPS', externalRef: 'PH-2026-11-0004', productModel: 'AquaPure RO 600', preferredDate: null, customer: { name: 'Golden Dragon Restaurant', phone: '020-83338888', city: 'Guangzhou', address: '203 Beijing Road, Yuexiu' } },
  { partner: 'XIAOMI', externalRef: 'XM-20261122-A01', productModel: 'Mi Water Purifier H1000G', preferredDate: chinaDayFromToday(3), customer: { name: 'Zhao Lei', phone: '13900139001', city: 'Shenzhen', address: '9 Keji Road, Nanshan' } },
  { partner: 'XIAOMI', externalRef: 'XM-20261122-A02', productModel: 'Mi Water Purifier H1000G', preferredDate: chinaDayFromToday(6), customer: { name: 'Sun Mei', phone: '13900139002', city: 'Chengdu', address: '66 Tianfu Avenue, Wuhou' } },
  { partner: 'XIAOMI', externalRef: 'XM-20261122-A03', productModel: 'Mi Water Purifier Q800', preferredDate: chinaDayFromToday(7), customer: { name: 'Zhou Qiang', phone: '13900139003', city: 'Shanghai', address: '500 Nanjing West Road, Jing\'an' } },
  { partner: 'XIAOMI', externalRef: 'XM-20261122-A04', productModel: 'Mi Water Purifier Q800', preferredDate: null, customer: { name: 'Hotel Lakeview', phone: '0571-87001234', city: 'Hangzhou', address: '2 Hubin Road, Shangcheng' } },
];

export const DEMO_ENGINEERS = [
  { name: 'Liu Yang', phone: '13700137001', employment: 'EMPLOYEE', homeCity: 'Shanghai', dailyCapacity: 6 },
  { name: 'Huang Bo', phone: '13700137002', employment: 'EMPLOYEE', homeCity: 'Shanghai', dailyCapacity: 5 },
  { name: 'Xu Ming', phone: '13700137003', employment: 'EMPLOYEE', homeCity: 'Beijing', dailyCapacity: 6 },
  { name: 'Guo Jun', phone: '13700137004', employment: 'PLATFORM_PARTNER', homeCity: 'Hangzhou', dailyCapacity: 4 },
  { name: 'He Tao', phone: '13700137005', employment: 'EMPLOYEE', homeCity: 'Shenzhen', dailyCapacity: 6 },
  { name: 'Ma Lin', phone: '13700137006', employment: 'PLATFORM_PARTNER', homeCity: 'Chengdu', dailyCapacity: 3 },
  { name: 'Luo Hui', phone: '13700137007', employment: 'EMPLOYEE', homeCity: 'Guangzhou', dailyCapacity: 5 },
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
  { externalRef: 'XM-20261122-A01', category: 'PRODUCT_QUALITY', involvesLiability: true, summary: 'Water leaks from the filter housing a day after installation' },
];
