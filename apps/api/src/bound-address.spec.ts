import { boundAddress } from './bound-address';

describe('boundAddress', () => {
  it('names the address and port the server reports, IPv6 in brackets', () => {
    expect(boundAddress({ address: '127.0.0.1', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(boundAddress({ address: '::1', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
    expect(boundAddress({ address: '10.12.0.7', family: 'IPv4', port: 8080 })).toBe('http://10.12.0.7:8080');
  });

  it('says when the server listens on every interface', () => {
    expect(boundAddress({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe(
      'http://0.0.0.0:3000 (every interface)',
    );
    expect(boundAddress({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://[::]:3000 (every interface)');
  });
});
