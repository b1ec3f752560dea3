/**
 * The baseline of `npm run bench:http`: a minimal NestJS app of the product's Nest version with
 * one POST route that parses a JSON body of the product's size and answers 201 with a small JSON
 * body. Started as its own process on the port given in PORT.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class BareController {
  @Post('bare')
  @HttpCode(201)
  receive(@Body() body: Record<string, unknown>): { received: number } {
    return { received: Object.keys(body).length };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
