import { errorCodes, GraphqlResponse, invalidFields } from './graphql-client';

describe('reading GraphQL error responses', () => {
  const refused: GraphqlResponse = {
    status: 200,
    data: null,
    errors: [
      {
        message: 'Invalid input: customer.phone (…), stages.0.name (…)',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'customer.phone', messages: ['phone must be a mobile number'] },
            { field: 'stages.0.name', messages: ['name must not be blank'] },
          ],
        },
      },
    ],
  };

  it('names the fields a BAD_USER_INPUT error lists, in order', () => {
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(invalidFields(refused)).toEqual(['customer.phone', 'stages.0.name']);
  });

  it('names none for a success or an error about no field', () => {
    expect(invalidFields({ status: 200, data: { ok: true } })).toEqual([]);
    expect(invalidFields({ status: 200, errors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }] })).toEqual([]);
  });
});
