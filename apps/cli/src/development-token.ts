// Minting lives in the application layer, shared with the API's development sign-in route.
export { mintDevelopmentToken, MintingRefused } from '@app/application';
