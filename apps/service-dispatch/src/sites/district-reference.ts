/**
 * Shipped reference data, not a web service: for each city we serve, the outlet engineers start from and a
 * reference point per district (its government seat), WGS-84 degrees, accurate to a kilometre or two — enough
 * to tell a site 20 km out from one 80 km out. Names are matched in an address in English (pinyin, apostrophes
 * optional) or in Chinese with its 区/市/县 suffix. Add a city here, with its districts, to estimate its sites.
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface DistrictReference extends GeoPoint {
  /** English name first; every alias an address may carry. */
  names: readonly string[];
}

export interface CityReference {
  names: readonly string[];
  outlet: GeoPoint;
  districts: readonly DistrictReference[];
}

const d = (names: string[], latitude: number, longitude: number): DistrictReference => ({ names, latitude, longitude });

export const CITY_REFERENCES: readonly CityReference[] = [
  {
    names: ['Shanghai', '上海', '上海市'],
    outlet: { latitude: 31.2304, longitude: 121.4737 },
    districts: [
      d(['Huangpu', '黄浦区'], 31.2317, 121.4846),
      d(['Xuhui', '徐汇区'], 31.1885, 121.4365),
      d(['Changning', '长宁区'], 31.2204, 121.4246),
      d(["Jing'an", '静安区'], 31.229, 121.448),
      d(['Putuo', '普陀区'], 31.2494, 121.3975),
      d(['Hongkou', '虹口区'], 31.2646, 121.5052),
      d(['Yangpu', '杨浦区'], 31.2595, 121.526),
      d(['Pudong', '浦东新区'], 31.2215, 121.5447),
      d(['Minhang', '闵行区'], 31.1129, 121.3817),
      d(['Baoshan', '宝山区'], 31.4054, 121.4891),
      d(['Jiading', '嘉定区'], 31.3747, 121.2655),
      d(['Jinshan', '金山区'], 30.7416, 121.342),
      d(['Songjiang', '松江区'], 31.0323, 121.2277),
      d(['Qingpu', '青浦区'], 31.1497, 121.1242),
      d(['Fengxian', '奉贤区'], 30.918, 121.474),
      d(['Chongming', '崇明区'], 31.623, 121.397),
    ],
  },
  {
    names: ['Beijing', '北京', '北京市'],
    outlet: { latitude: 39.9042, longitude: 116.4074 },
    districts: [
      d(['Dongcheng', '东城区'], 39.9288, 116.4163),
      d(['Xicheng', '西城区'], 39.9123, 116.366),
      d(['Chaoyang', '朝阳区'], 39.9219, 116.4436),
      d(['Haidian', '海淀区'], 39.9593, 116.2981),
      d(['Fengtai', '丰台区'], 39.8585, 116.2868),
      d(['Shijingshan', '石景山区'], 39.9056, 116.2229),
      d(['Tongzhou', '通州区'], 39.9097, 116.6566),
      d(['Shunyi', '顺义区'], 40.1302, 116.6546),
      d(['Changping', '昌平区'], 40.2207, 116.2312),
      d(['Daxing', '大兴区'], 39.7267, 116.3414),
      d(['Fangshan', '房山区'], 39.7479, 116.143),
      d(['Mentougou', '门头沟区'], 39.9405, 116.1021),
      d(['Huairou', '怀柔区'], 40.316, 116.6316),
      d(['Pinggu', '平谷区'], 40.1406, 117.1214),
      d(['Miyun', '密云区'], 40.3769, 116.8431),
      d(['Yanqing', '延庆区'], 40.4565, 115.9749),
    ],
  },
  {
    names: ['Hangzhou', '杭州', '杭州市'],
    outlet: { latitude: 30.2741, longitude: 120.1551 },
    districts: [
      d(['Shangcheng', '上城区'], 30.2425, 120.1692),
      d(['Gongshu', '拱墅区'], 30.319, 120.142),
      d(['Xihu', '西湖区'], 30.2596, 120.1302),
      d(['Binjiang', '滨江区'], 30.2084, 120.2118),
      d(['Xiaoshan', '萧山区'], 30.1839, 120.2645),
      d(['Yuhang', '余杭区'], 30.2737, 119.9787),
      d(['Linping', '临平区'], 30.4199, 120.2996),
      d(['Qiantang', '钱塘区'], 30.3226, 120.493),
      d(['Fuyang', '富阳区'], 30.049, 119.96),
      d(["Lin'an", '临安区'], 30.2339, 119.7247),
      d(['Tonglu', '桐庐县'], 29.7978, 119.6915),
      d(["Chun'an", '淳安县'], 29.6086, 119.0422),
      d(['Jiande', '建德市'], 29.4747, 119.2816),
    ],
  },
  {
    names: ['Guangzhou', '广州', '广州市'],
    outlet: { latitude: 23.1291, longitude: 113.2644 },
    districts: [
      d(['Yuexiu', '越秀区'], 23.1291, 113.2668),
      d(['Liwan', '荔湾区'], 23.1259, 113.2443),
      d(['Haizhu', '海珠区'], 23.0838, 113.3173),
      d(['Tianhe', '天河区'], 23.1247, 113.3612),
      d(['Baiyun', '白云区'], 23.158, 113.2732),
      d(['Huangpu', '黄埔区'], 23.1064, 113.4595),
      d(['Panyu', '番禺区'], 22.9377, 113.3843),
      d(['Huadu', '花都区'], 23.404, 113.2202),
      d(['Nansha', '南沙区'], 22.8016, 113.5252),
      d(['Conghua', '从化区'], 23.5486, 113.5866),
      d(['Zengcheng', '增城区'], 23.261, 113.8107),
    ],
  },
  {
    names: ['Shenzhen', '深圳', '深圳市'],
    outlet: { latitude: 22.5431, longitude: 114.0579 },
    districts: [
      d(['Futian', '福田区'], 22.5223, 114.0554),
      d(['Luohu', '罗湖区'], 22.5484, 114.1316),
      d(['Nanshan', '南山区'], 22.5329, 113.9305),
      d(['Yantian', '盐田区'], 22.5577, 114.236),
      d(["Bao'an", '宝安区'], 22.555, 113.883),
      d(['Longgang', '龙岗区'], 22.7209, 114.2467),
      d(['Longhua', '龙华区'], 22.6962, 114.0448),
      d(['Pingshan', '坪山区'], 22.6908, 114.3462),
      d(['Guangming', '光明区'], 22.7487, 113.9359),
      d(['Dapeng', '大鹏新区'], 22.5935, 114.4792),
    ],
  },
  {
    names: ['Chengdu', '成都', '成都市'],
    outlet: { latitude: 30.657, longitude: 104.066 },
    districts: [
      d(['Jinjiang', '锦江区'], 30.598, 104.1175),
      d(['Qingyang', '青羊区'], 30.6742, 104.0622),
      d(['Jinniu', '金牛区'], 30.6913, 104.052),
      d(['Wuhou', '武侯区'], 30.642, 104.0431),
      d(['Chenghua', '成华区'], 30.66, 104.1015),
      d(['Longquanyi', '龙泉驿区'], 30.5567, 104.2749),
      d(['Xindu', '新都区'], 30.8233, 104.1588),
      d(['Wenjiang', '温江区'], 30.6826, 103.8563),
      d(['Shuangliu', '双流区'], 30.5744, 103.9234),
      d(['Pidu', '郫都区'], 30.7951, 103.9016),
      d(['Xinjin', '新津区'], 30.41, 103.8113),
      d(['Dujiangyan', '都江堰市'], 30.9886, 103.6469),
      d(['Jianyang', '简阳市'], 30.4111, 104.5475),
    ],
  },
  {
    names: ['Wuhan', '武汉', '武汉市'],
    outlet: { latitude: 30.5928, longitude: 114.3055 },
    districts: [
      d(["Jiang'an", '江岸区'], 30.6, 114.3093),
      d(['Jianghan', '江汉区'], 30.601, 114.2709),
      d(['Qiaokou', '硚口区'], 30.5823, 114.2143),
      d(['Hanyang', '汉阳区'], 30.5542, 114.2185),
      d(['Wuchang', '武昌区'], 30.5537, 114.3159),
      d(['Qingshan', '青山区'], 30.6396, 114.3847),
      d(['Hongshan', '洪山区'], 30.5001, 114.3439),
      d(['Dongxihu', '东西湖区'], 30.6199, 114.1368),
      d(['Caidian', '蔡甸区'], 30.5821, 114.0293),
      d(['Jiangxia', '江夏区'], 30.3752, 114.3213),
      d(['Huangpi', '黄陂区'], 30.882, 114.3755),
      d(['Xinzhou', '新洲区'], 30.8414, 114.8015),
      d(['Hannan', '汉南区'], 30.3088, 114.0843),
    ],
  },
  {
    names: ['Suzhou', '苏州', '苏州市'],
    outlet: { latitude: 31.299, longitude: 120.5853 },
    districts: [
      d(['Gusu', '姑苏区'], 31.3116, 120.6178),
      d(['Huqiu', '虎丘区'], 31.2963, 120.5665),
      d(['Wuzhong', '吴中区'], 31.2625, 120.6321),
      d(['Xiangcheng', '相城区'], 31.3689, 120.6423),
      d(['Wujiang', '吴江区'], 31.1384, 120.6452),
      d(['Industrial Park', 'SIP', '工业园区'], 31.3178, 120.7232),
      d(['Changshu', '常熟市'], 31.6538, 120.7524),
      d(['Zhangjiagang', '张家港市'], 31.8756, 120.5553),
      d(['Kunshan', '昆山市'], 31.3846, 120.9808),
      d(['Taicang', '太仓市'], 31.4575, 121.1304),
    ],
  },
  {
    names: ['Wuxi', '无锡', '无锡市'],
    outlet: { latitude: 31.4912, longitude: 120.3119 },
    districts: [
      d(['Liangxi', '梁溪区'], 31.566, 120.2966),
      d(['Binhu', '滨湖区'], 31.5278, 120.283),
      d(['Xinwu', '新吴区'], 31.4904, 120.3524),
      d(['Huishan', '惠山区'], 31.6812, 120.2983),
      d(['Xishan', '锡山区'], 31.589, 120.3574),
      d(['Jiangyin', '江阴市'], 31.9108, 120.2852),
      d(['Yixing', '宜兴市'], 31.3406, 119.8236),
    ],
  },
];
