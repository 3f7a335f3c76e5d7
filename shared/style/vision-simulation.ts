/**
 * Colour-vision simulations a presenter checks a slide or sheet with: Machado, Oliveira & Fernandes (2009), severity
 * 1.0, applied to linear RGB; greyscale is relative luminance (ITU-R BT.709 weights, as WCAG uses). The matrices are
 * checked against the paper in colour-vision.test.ts.
 */
export const VISION_SIMULATIONS = ['deuteranopia', 'protanopia', 'tritanopia', 'greyscale'] as const;
export type VisionSimulation = (typeof VISION_SIMULATIONS)[number];

type Matrix = readonly [readonly number[], readonly number[], readonly number[]];
const LUMINANCE = [0.2126, 0.7152, 0.0722];

export const SIMULATION_MATRICES: Record<VisionSimulation, Matrix> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
  greyscale: [LUMINANCE, LUMINANCE, LUMINANCE],
};

/** The `values` of an SVG feColorMatrix (type="matrix", 4×5, run in linearRGB) for a simulation. */
export function colorMatrixValues(vision: VisionSimulation): string {
  return [...SIMULATION_MATRICES[vision].map((row) => [...row, 0, 0]), [0, 0, 0, 1, 0]].flat().join(' ');
}

/** The id of the SVG filter element that applies a simulation. */
export const visionFilterId = (vision: VisionSimulation) => `rumija-vision-${vision}`;
