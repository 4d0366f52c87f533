/**
 * {@link dev.slipway.junit.SlipwayTest}: test a serverless service at the integration level
 * against a real local cloud, with the real deployer, in a fresh stage per test class.
 */
package dev.slipway.junit;
