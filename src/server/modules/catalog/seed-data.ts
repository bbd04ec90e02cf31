// The demo nail & spa catalog as data: English names with Simplified and Traditional Chinese.

export type Tr = [en: string, zhCN: string, zhTW: string];
export type Skill = 'nails' | 'lashes' | 'skin' | 'massage';

export const CATEGORIES: Array<{ key: string; name: Tr; color: string }> = [
  { key: 'manicure', name: ['Manicures', '手部美甲', '手部美甲'], color: '#E91E63' },
  { key: 'pedicure', name: ['Pedicures', '足部护理', '足部護理'], color: '#9C27B0' },
  { key: 'lashes', name: ['Lashes & Brows', '睫毛与眉部', '睫毛與眉部'], color: '#3F51B5' },
  { key: 'facial', name: ['Facials', '面部护理', '臉部護理'], color: '#009688' },
  { key: 'massage', name: ['Massage', '按摩', '按摩'], color: '#FF9800' },
];

type DemoService = {
  key: string;
  category: string;
  skill: Skill;
  name: Tr;
  description?: Tr;
  min: number;
  price: number;
  before?: number;
  after?: number;
  processing?: [start: number, length: number];
  resource?: string;
};

export const SERVICES: DemoService[] = [
  {
    key: 'classic_manicure',
    category: 'manicure',
    skill: 'nails',
    name: ['Classic Manicure', '经典修手', '經典修手'],
    min: 30,
    price: 2500,
    after: 5,
    description: ['Shape, cuticle care, hand massage and polish.', '修形、指缘护理、手部按摩及上色。', '修形、指緣護理、手部按摩及上色。'],
  },
  {
    key: 'gel_manicure',
    category: 'manicure',
    skill: 'nails',
    name: ['Gel Manicure', '凝胶美甲', '凝膠美甲'],
    min: 45,
    price: 4000,
    after: 5,
    description: [
      'Long-lasting gel colour cured under LED, about three weeks of shine.',
      '持久凝胶色，LED 灯固化，光泽约可保持三周。',
      '持久凝膠色，LED 燈固化，光澤約可維持三週。',
    ],
  },
  { key: 'gel_removal', category: 'manicure', skill: 'nails', name: ['Gel Removal', '卸除凝胶', '卸除凝膠'], min: 15, price: 1000 },
  {
    key: 'acrylic_full_set',
    category: 'manicure',
    skill: 'nails',
    name: ['Acrylic Full Set', '水晶甲全套', '水晶甲全套'],
    min: 75,
    price: 5500,
    after: 10,
  },
  {
    key: 'classic_pedicure',
    category: 'pedicure',
    skill: 'nails',
    name: ['Classic Pedicure', '经典修脚', '經典修腳'],
    min: 45,
    price: 3500,
    after: 10,
    resource: 'pedicure_chair',
  },
  {
    key: 'spa_pedicure',
    category: 'pedicure',
    skill: 'nails',
    name: ['Deluxe Spa Pedicure', '豪华水疗修脚', '豪華水療修腳'],
    min: 75,
    price: 6000,
    after: 10,
    processing: [30, 15],
    resource: 'pedicure_chair',
    description: [
      'Sea-salt soak, scrub, a mask that sets under warm towels, massage and polish.',
      '海盐浸泡、去角质、热毛巾敷面膜、按摩及上色。',
      '海鹽浸泡、去角質、熱毛巾敷面膜、按摩及上色。',
    ],
  },
  {
    key: 'gel_pedicure',
    category: 'pedicure',
    skill: 'nails',
    name: ['Gel Pedicure', '凝胶修脚', '凝膠修腳'],
    min: 60,
    price: 5000,
    after: 10,
    resource: 'pedicure_chair',
  },
  {
    key: 'classic_lashes',
    category: 'lashes',
    skill: 'lashes',
    name: ['Classic Lash Extensions', '经典单根嫁接睫毛', '經典單根嫁接睫毛'],
    min: 120,
    price: 12000,
    after: 10,
    resource: 'bed',
    description: [
      'One extension on each natural lash for a clean, mascara look.',
      '每根真睫毛嫁接一根，效果自然如涂睫毛膏。',
      '每根真睫毛嫁接一根，效果自然如刷睫毛膏。',
    ],
  },
  {
    key: 'lash_fill',
    category: 'lashes',
    skill: 'lashes',
    name: ['Lash Fill (2–3 weeks)', '睫毛补种（2–3 周）', '睫毛補種（2–3 週）'],
    min: 60,
    price: 6500,
    resource: 'bed',
  },
  {
    key: 'lash_lift',
    category: 'lashes',
    skill: 'lashes',
    name: ['Lash Lift & Tint', '睫毛翘睫与染色', '睫毛翹睫與染色'],
    min: 60,
    price: 7500,
    processing: [15, 25],
    resource: 'bed',
  },
  {
    key: 'brow_wax',
    category: 'lashes',
    skill: 'lashes',
    name: ['Brow Wax & Shape', '蜜蜡修眉', '蜜蠟修眉'],
    min: 15,
    price: 1800,
    resource: 'bed',
  },
  {
    key: 'signature_facial',
    category: 'facial',
    skill: 'skin',
    name: ['Signature Facial', '招牌面部护理', '招牌臉部護理'],
    min: 60,
    price: 9500,
    after: 10,
    processing: [35, 15],
    resource: 'room',
    description: [
      'Cleanse, exfoliate, extract, mask and massage, tailored to your skin.',
      '清洁、去角质、粉刺清理、面膜与按摩，按肤质调配。',
      '清潔、去角質、粉刺清理、面膜與按摩，依膚質調配。',
    ],
  },
  {
    key: 'hydrating_facial',
    category: 'facial',
    skill: 'skin',
    name: ['HydraGlow Facial', '水光补水面部护理', '水光補水臉部護理'],
    min: 75,
    price: 12000,
    after: 10,
    processing: [45, 15],
    resource: 'room',
  },
  {
    key: 'swedish_massage',
    category: 'massage',
    skill: 'massage',
    name: ['Swedish Massage (60 min)', '瑞典式按摩（60 分钟）', '瑞典式按摩（60 分鐘）'],
    min: 60,
    price: 9000,
    after: 15,
    resource: 'room',
  },
  {
    key: 'deep_tissue',
    category: 'massage',
    skill: 'massage',
    name: ['Deep Tissue Massage (60 min)', '深层组织按摩（60 分钟）', '深層組織按摩（60 分鐘）'],
    min: 60,
    price: 10500,
    after: 15,
    resource: 'room',
  },
  {
    key: 'hot_stone',
    category: 'massage',
    skill: 'massage',
    name: ['Hot Stone Massage (90 min)', '热石按摩（90 分钟）', '熱石按摩（90 分鐘）'],
    min: 90,
    price: 14000,
    before: 10,
    after: 15,
    resource: 'room',
  },
  {
    key: 'foot_reflexology',
    category: 'massage',
    skill: 'massage',
    name: ['Foot Reflexology (45 min)', '足底反射区按摩（45 分钟）', '足底反射區按摩（45 分鐘）'],
    min: 45,
    price: 5500,
    after: 5,
  },
];

const NAILS_MANI = ['classic_manicure', 'gel_manicure', 'acrylic_full_set'];
const PEDI = ['classic_pedicure', 'spa_pedicure', 'gel_pedicure'];
export const ADD_ONS: Array<{ key: string; name: Tr; price: number; min: number; services: string[] }> = [
  {
    key: 'paraffin',
    name: ['Paraffin Treatment', '石蜡护理', '石蠟護理'],
    price: 1000,
    min: 10,
    services: ['classic_manicure', 'gel_manicure', ...PEDI],
  },
  { key: 'french_tips', name: ['French Tips', '法式指尖', '法式指尖'], price: 800, min: 10, services: [...NAILS_MANI, 'gel_pedicure'] },
  {
    key: 'nail_art',
    name: ['Nail Art (2 nails)', '美甲彩绘（2 指）', '美甲彩繪（2 指）'],
    price: 1000,
    min: 15,
    services: ['gel_manicure', 'acrylic_full_set', 'gel_pedicure'],
  },
  { key: 'callus', name: ['Callus Treatment', '去老茧护理', '去老繭護理'], price: 1000, min: 10, services: PEDI },
  { key: 'hot_stones', name: ['Hot Stones', '热石加强', '熱石加強'], price: 1500, min: 15, services: ['swedish_massage', 'deep_tissue'] },
  {
    key: 'aromatherapy',
    name: ['Aromatherapy', '芳香精油', '芳香精油'],
    price: 1000,
    min: 0,
    services: ['swedish_massage', 'deep_tissue', 'hot_stone', 'signature_facial', 'hydrating_facial'],
  },
  {
    key: 'eye_mask',
    name: ['Collagen Eye Mask', '胶原蛋白眼膜', '膠原蛋白眼膜'],
    price: 1500,
    min: 0,
    services: ['signature_facial', 'hydrating_facial', 'lash_lift'],
  },
];

type DemoProduct = {
  key: string;
  name: Tr;
  brand: string;
  price: number;
  cost: number;
  usage: 'retail' | 'backbar' | 'both';
  unit: 'ml' | 'g' | 'piece';
  size: number;
};
export const PRODUCTS: DemoProduct[] = [
  {
    key: 'cuticle_oil',
    name: ['Solar Oil Nail & Cuticle Care 15 ml', '太阳油指缘护理油 15 毫升', '太陽油指緣護理油 15 毫升'],
    brand: 'CND',
    price: 1250,
    cost: 560,
    usage: 'retail',
    unit: 'ml',
    size: 15,
  },
  {
    key: 'nail_lacquer_red',
    name: ['Nail Lacquer Big Apple Red 15 ml', '指甲油 大苹果红 15 毫升', '指甲油 大蘋果紅 15 毫升'],
    brand: 'OPI',
    price: 1100,
    cost: 450,
    usage: 'retail',
    unit: 'ml',
    size: 15,
  },
  {
    key: 'hand_cream',
    name: ['Shea Butter Hand Cream 75 ml', '乳木果护手霜 75 毫升', '乳木果護手霜 75 毫升'],
    brand: "L'Occitane",
    price: 3000,
    cost: 1500,
    usage: 'retail',
    unit: 'ml',
    size: 75,
  },
  {
    key: 'microfoliant',
    name: ['Daily Microfoliant 74 g', '每日微晶洁颜粉 74 克', '每日微晶潔顏粉 74 克'],
    brand: 'Dermalogica',
    price: 6500,
    cost: 3250,
    usage: 'both',
    unit: 'g',
    size: 74,
  },
  {
    key: 'sheet_mask',
    name: ['Hydrating Sheet Mask', '补水面膜（单片）', '補水面膜（單片）'],
    brand: 'Orchid Spa',
    price: 800,
    cost: 200,
    usage: 'both',
    unit: 'piece',
    size: 1,
  },
  {
    key: 'massage_oil',
    name: ['Unscented Massage Oil 1 L', '无香按摩油 1 升', '無香按摩油 1 公升'],
    brand: 'Biotone',
    price: 0,
    cost: 2800,
    usage: 'backbar',
    unit: 'ml',
    size: 1000,
  },
  {
    key: 'gel_base',
    name: ['Gel Base Coat 15 ml', '凝胶底油 15 毫升', '凝膠底油 15 毫升'],
    brand: 'Gelish',
    price: 0,
    cost: 1800,
    usage: 'backbar',
    unit: 'ml',
    size: 15,
  },
  {
    key: 'acetone',
    name: ['Pure Acetone 946 ml', '纯丙酮卸甲水 946 毫升', '純丙酮卸甲水 946 毫升'],
    brand: 'Cutex',
    price: 0,
    cost: 900,
    usage: 'backbar',
    unit: 'ml',
    size: 946,
  },
  {
    key: 'sea_salt',
    name: ['Pedicure Sea Salt Soak 2 kg', '足浴海盐 2 公斤', '足浴海鹽 2 公斤'],
    brand: 'Orchid Spa',
    price: 0,
    cost: 1500,
    usage: 'backbar',
    unit: 'g',
    size: 2000,
  },
  {
    key: 'lash_glue',
    name: ['Lash Extension Adhesive 5 ml', '睫毛嫁接胶水 5 毫升', '睫毛嫁接膠水 5 毫升'],
    brand: 'Lash Pro',
    price: 0,
    cost: 2400,
    usage: 'backbar',
    unit: 'ml',
    size: 5,
  },
];

export const RESOURCES: Array<{ name: string; type: string }> = [
  { name: 'Pedicure Chair 1', type: 'pedicure_chair' },
  { name: 'Pedicure Chair 2', type: 'pedicure_chair' },
  { name: 'Pedicure Chair 3', type: 'pedicure_chair' },
  { name: 'Pedicure Chair 4', type: 'pedicure_chair' },
  { name: 'Treatment Room 1', type: 'room' },
  { name: 'Treatment Room 2', type: 'room' },
  { name: 'Lash Bed 1', type: 'bed' },
  { name: 'Lash Bed 2', type: 'bed' },
];
