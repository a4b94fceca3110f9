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

describe('RequestValidationPipe: empty query strings', () => {
  it('given a DTO whose fields are all optional, an empty query gives a fresh instance each time', async () => {
    const pipe = new RequestValidationPipe();
    const first = await pipe.transform({}, query(OptionalOnlyQuery));
    const second = await pipe.transform(Object.create(null), query(OptionalOnlyQuery));
    expect(first).toBeInstanceOf(OptionalOnlyQuery);
    expect(second).toBeInstanceOf(OptionalOnlyQuery);
    expect(second).toEqual({ limit: 20 });
    expect(second).not.toBe(first);
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
});
