import { BadRequestException } from '@nestjs/common';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { RequestValidationPipe } from '../../../src/common/http/request-validation.pipe.js';

class OptionalOnlyQuery {
  @IsOptional()
  @IsString()
  scale?: string;

  @IsOptional()
  @IsInt()
  limit = 20;
}

class RequiredFieldQuery {
  @IsInt()
  from!: number;
}

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });

describe('RequestValidationPipe: query strings validated once', () => {
  it('given a DTO whose fields are all optional, an empty query is valid every time', async () => {
    const pipe = new RequestValidationPipe();
    const first = await pipe.transform({}, query(OptionalOnlyQuery));
    const second = await pipe.transform(Object.create(null), query(OptionalOnlyQuery));
    expect(first).toBeInstanceOf(OptionalOnlyQuery);
    expect(second).toBeInstanceOf(OptionalOnlyQuery);
    expect(second).toEqual({ limit: 20 });
  });

  it('given a DTO with a required field, an empty query is refused every time', async () => {
    const pipe = new RequestValidationPipe();
    await expect(pipe.transform({}, query(RequiredFieldQuery))).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({}, query(RequiredFieldQuery))).rejects.toBeInstanceOf(BadRequestException);
  });

  it('a non-empty query is still validated after an empty one passed', async () => {
    const pipe = new RequestValidationPipe();
    await pipe.transform({}, query(OptionalOnlyQuery));
    await expect(pipe.transform({ scale: ['a', 'b'] }, query(OptionalOnlyQuery))).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ unknown: 'x' }, query(OptionalOnlyQuery))).rejects.toBeInstanceOf(BadRequestException);
  });

  it('a query seen before gives the DTO validated the first time, frozen so that no handler can change what the next one sees', async () => {
    const pipe = new RequestValidationPipe();
    const first = (await pipe.transform({ scale: 'nta', limit: 5, tags: ['a'] }, query(OptionalOnlyQuery)).catch(() => null)) as OptionalOnlyQuery | null;
    expect(first).toBeNull(); // tags is not a field of the DTO: refused, and not remembered
    const valid = (await pipe.transform({ scale: 'nta', limit: 5 }, query(OptionalOnlyQuery))) as OptionalOnlyQuery;
    expect(valid).toBeInstanceOf(OptionalOnlyQuery);
    expect(valid).toEqual({ scale: 'nta', limit: 5 });
    expect(() => {
      valid.scale = 'changed by its handler';
    }).toThrow(TypeError);
    expect(await pipe.transform({ scale: 'nta', limit: 5 }, query(OptionalOnlyQuery))).toEqual({ scale: 'nta', limit: 5 });
  });

  it('an invalid query is refused every time, and the same query under another DTO is validated against that DTO', async () => {
    const pipe = new RequestValidationPipe();
    await expect(pipe.transform({ from: 'x' }, query(RequiredFieldQuery))).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ from: 'x' }, query(RequiredFieldQuery))).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ from: 3 }, query(RequiredFieldQuery))).resolves.toEqual({ from: 3 });
    await expect(pipe.transform({ from: 3 }, query(OptionalOnlyQuery))).rejects.toBeInstanceOf(BadRequestException);
  });
});
