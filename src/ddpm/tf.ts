/**
 * The one place `src/ddpm` imports TensorFlow.js from. tfjs-core alone cannot differentiate
 * its kernels until their gradients are registered, and a backend is chosen by whoever runs
 * the module (the worker in the page, the tests in Node).
 */
import "@tensorflow/tfjs-core/dist/register_all_gradients";

export * as tf from "@tensorflow/tfjs-core";
