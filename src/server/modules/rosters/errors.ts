import { defineErrors } from '../../platform/errors.js';

export const RosterErrors = defineErrors({
  staff_unknown: {
    status: 422,
    title: { en: 'There is no such staff member', 'zh-CN': '没有这位员工', 'zh-TW': '沒有這位員工' },
    detail: {
      en: 'No staff member has the id {staffId}.',
      'zh-CN': '没有编号为 {staffId} 的员工。',
      'zh-TW': '沒有編號為 {staffId} 的員工。',
    },
  },
  staff_archived: {
    status: 422,
    title: { en: 'This staff member is archived', 'zh-CN': '该员工已归档', 'zh-TW': '該員工已封存' },
    detail: {
      en: 'Archived staff members have no roster. Restore them first.',
      'zh-CN': '已归档的员工没有排班，请先恢复该员工。',
      'zh-TW': '已封存的員工沒有排班，請先恢復該員工。',
    },
  },
  staff_not_in_store: {
    status: 422,
    title: { en: 'This staff member does not work at this store', 'zh-CN': '该员工不在此门店工作', 'zh-TW': '該員工不在此門市工作' },
    detail: {
      en: 'Add the store to the staff member first, then set their hours there.',
      'zh-CN': '请先为该员工添加此门店，再设置其在此门店的工作时间。',
      'zh-TW': '請先為該員工加入此門市，再設定其在此門市的工作時間。',
    },
  },
  roster_exception_exists: {
    status: 409,
    title: {
      en: 'This day already has custom hours',
      'zh-CN': '这一天已经设置了特别工作时间',
      'zh-TW': '這一天已經設定了特別工作時間',
    },
    detail: {
      en: 'Custom hours are already set for {date}. Remove them first to set new ones.',
      'zh-CN': '{date} 已设置特别工作时间，请先删除后再重新设置。',
      'zh-TW': '{date} 已設定特別工作時間，請先刪除後再重新設定。',
    },
  },
});
