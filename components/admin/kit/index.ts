/**
 * The staff console kit: one way to build a console page (list pages, forms, notices).
 * See README.md beside this file.
 */

export { PageHeader } from "@/components/ui/page-header";
export { Pager, type PagerLabels } from "@/components/ui/pager";
export { type BoundFields, bindFields } from "./bind";
export { ConsoleForm, type EditorProps, HiddenFields } from "./console-form";
export { ConsoleShell } from "./console-shell";
export {
  buttonClass,
  Checkbox,
  CheckboxGroup,
  FieldError,
  Hint,
  inputClass,
  type Option,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "./fields";
export { FilterForm, FilterInput, FilterSelect, ListFilter, type SelectFilter } from "./filters";
export { FormAlert } from "./form-alert";
export {
  Badge,
  type BadgeTone,
  type Column,
  choiceTabs,
  columnsFor,
  DataTable,
  EmptyState,
  LinkTabs,
  listTabs,
  Notice,
  Panel,
  rowLinkClass,
  Section,
  type TabItem,
  TableFrame,
  tableClass,
} from "./list";
export { ListPage } from "./list-page";
export { useFormAction } from "./use-form";
