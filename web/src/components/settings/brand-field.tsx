// A setting that applies to one brand or to all of them (SLA policies, canned answers): the select
// that chooses, and the words that name the choice in a list.
import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../../api/client.ts";
import { useBrands } from "../../hooks/use-brands.ts";
import { SelectField } from "./fields.tsx";

/** The select's value for "every brand"; the API's null. */
const ALL = "";

export const brandChoice = (brandId: string | null | undefined): string => brandId ?? ALL;
export const brandIdOf = (choice: string): string | null => (choice === ALL ? null : choice);

/** Names a setting's brand, or says it applies to every brand. */
export function useBrandName(): (brandId: string | null) => string {
  const { t } = useTranslation();
  const brands = useBrands();
  return (brandId) =>
    brandId ? (brands.byId.get(brandId)?.name ?? brandId) : t("settings.sla.allBrands");
}

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: FieldProblem[] | undefined;
};

export function BrandField({ label, value, onChange, problems }: Props) {
  const { t } = useTranslation();
  const brands = useBrands();
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={[
        { value: ALL, label: t("settings.sla.allBrands") },
        ...brands.list.map((b) => ({ value: b.id, label: b.name })),
      ]}
      problems={problems}
    />
  );
}
