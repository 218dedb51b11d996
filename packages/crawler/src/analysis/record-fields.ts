/**
 * The field vocabulary of 双公示 record pages. The required fields follow the 2015 data items (发改电〔2015〕557号
 * and the 信用中国 data standard that replaced it): 行政相对人名称, the decision's 文书号, the decision date, and for
 * penalties the legal basis and the penalty itself. They are the defaults of `site/dual-publicity-fields` and are
 * repeated in `rules/packs/site.yaml`; a pack can rename labels or add fields by id.
 */

export type RecordType = 'licensing' | 'penalty';

export interface RecordFieldSpec {
  id: string;
  /** Name used in messages. */
  name: string;
  /** Labels sites write for the field; any one with a value satisfies it. */
  labels: string[];
  /** Record types that must have the field (default: both). */
  types?: RecordType[];
  remove?: boolean;
}

export const defaultRecordFields: RecordFieldSpec[] = [
  {
    id: 'party-name',
    name: '行政相对人名称',
    labels: ['行政相对人名称', '相对人名称', '当事人名称', '当事人', '被许可人名称', '被许可人', '被处罚单位名称', '被处罚单位', '被处罚人名称', '被处罚人', '申请人名称', '申请人', '企业名称'],
    types: ['licensing', 'penalty'],
  },
  {
    id: 'licensing-number',
    name: '行政许可决定文书号',
    labels: ['行政许可决定文书号', '许可决定文书号', '行政许可决定书文号', '许可决定书文号', '许可文书号', '决定文书号', '决定书文号', '许可决定书编号'],
    types: ['licensing'],
  },
  {
    id: 'penalty-number',
    name: '行政处罚决定书文号',
    labels: ['行政处罚决定书文号', '处罚决定书文号', '行政处罚决定文书号', '处罚决定文书号', '处罚文书号', '决定书文号', '决定文书号', '处罚决定书编号'],
    types: ['penalty'],
  },
  {
    id: 'decision-date',
    name: '决定日期',
    labels: ['许可决定日期', '处罚决定日期', '作出行政处罚决定日期', '作出处罚决定日期', '作出许可决定日期', '作出决定日期', '决定日期', '许可日期', '处罚日期', '许可决定时间', '处罚决定时间', '决定时间'],
    types: ['licensing', 'penalty'],
  },
  {
    id: 'penalty-basis',
    name: '处罚依据',
    labels: ['处罚依据', '行政处罚依据', '处罚法律依据', '法律依据'],
    types: ['penalty'],
  },
  {
    id: 'penalty-content',
    name: '处罚内容',
    labels: ['处罚内容', '行政处罚内容', '处罚结果', '行政处罚结果', '处罚决定内容'],
    types: ['penalty'],
  },
];

/** Labels under which a 统一社会信用代码 of the 行政相对人 is shown. */
export const defaultCreditCodeLabels = [
  '统一社会信用代码',
  '行政相对人统一社会信用代码',
  '相对人统一社会信用代码',
  '行政相对人代码_1(统一社会信用代码)',
  '社会信用代码',
  '信用代码',
];

/**
 * Other labels record pages carry. They are never required; they only mark where the value of the previous field
 * ends when a record is read from `mainText` ("标签：值" lines, or a table in a snapshot without `fields`), where a
 * table is one line of text.
 */
export const boundaryLabels = [
  '许可机关', '处罚机关', '作出决定机关', '决定机关', '实施机关', '许可机关统一社会信用代码', '处罚机关统一社会信用代码',
  '许可类别', '审批类别', '许可内容', '项目名称', '行政许可证书名称', '许可证书名称', '许可证书编号', '许可证编号', '许可编号',
  '有效期自', '有效期至', '有效期限', '有效期', '违法事实', '主要违法事实', '违法行为类型', '处罚类别', '处罚种类', '处罚名称',
  '处罚事由', '罚款金额', '罚款金额(万元)', '没收违法所得、没收非法财物的金额(万元)', '暂扣或吊销证照名称及编号',
  '法定代表人', '法定代表人(负责人)', '法定代表人姓名', '主要负责人', '负责人', '证件类型', '证件号码', '行政相对人类别',
  '相对人类别', '地址', '住所', '注册地址', '公示期限', '公示截止期', '公示期', '当前状态', '数据来源单位',
  '数据来源单位统一社会信用代码', '数据来源', '备注', '行政相对人代码', '工商注册号', '组织机构代码', '税务登记号',
  '发布日期', '发布时间', '公示日期', '公示时间', '公开日期', '来源', '信息来源', '发布机构', '索引号', '联系电话',
];

/** Every label the record reader knows: the given fields, the code labels and the boundary labels. */
export function recordVocabulary(fields: readonly RecordFieldSpec[], codeLabels: readonly string[]): string[] {
  return [...new Set([...fields.flatMap((f) => f.labels), ...codeLabels, ...boundaryLabels])];
}
