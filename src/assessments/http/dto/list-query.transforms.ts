import { Transform } from 'class-transformer';

/** `?status=draft,published` and `?status=draft&status=published` both become a list. */
export const CommaList = () =>
  Transform(({ value }) =>
    typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v.length > 0) : value,
  );

/** Query strings carry numbers as text; a non-number becomes NaN and fails @IsNumber / @IsInt. */
export const NumberFromQuery = () => Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value));
