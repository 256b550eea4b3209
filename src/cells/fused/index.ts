// Importing this module registers every fused cell kernel (each backend file registers its own at
// import; registering for a backend that is not loaded is harmless) and their gradients.
export * from './kernels';
import './cpu';
import './wasm';
import './webgl';
import './webgpu';
