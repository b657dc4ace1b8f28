#pragma once

// Private to core/masks: the face in a canonical analysis crop, with a skin colour model.

#include "core/face/Alignment.h"
#include "core/face/FaceNetworks.h"
#include "core/io/Image.h"

#include <opencv2/core.hpp>

#include <vector>

namespace durian::masks {

struct FaceCrop {
    int size = 0;
    Similarity toCrop;    // photo pixels -> crop pixels
    cv::Mat rgb;          // CV_8UC3
    cv::Mat lab;          // CV_32FC3, L 0..100
    cv::Mat gray;         // CV_8U
    cv::Mat valid;        // CV_8U, 255 where the crop shows the photo (not beyond its border)
    Landmarks lm;         // crop pixels, face upright
    float u = 1.0f;       // inter-ocular distance, crop pixels
    Point2f eyes;         // midpoint of the eye centres
    float centreX = 0.0f; // face midline
    float faceWidth = 1.0f; // jaw point 0 to 16
    cv::Mat facePolygon;  // CV_8U: jaw + an estimated forehead up to the hairline
    cv::Mat skinDistance; // CV_32F: Mahalanobis distance of every pixel to the skin colour model
    float skinLightness = 50.0f; // mean L of the skin samples
    int skinSamples = 0;
    // What the face networks saw in the crop; empty when they were not asked (the classical masks alone).
    cv::Mat person;                // CV_8U: the selfie matte, 255 on the person (hair included)
    std::vector<cv::Point2f> mesh; // MediaPipe's face mesh, crop pixels; empty when the network doubted it
    cv::Mat meshOval;              // CV_8U: the mesh's face oval, filled
};

// `networks` may be null: then the crop has no matte and no mesh.
FaceCrop makeFaceCrop(const Image& photo, const Landmarks& landmarks, int size, const FaceNetworks* networks);

// The mesh points of `indices` as a polygon.
std::vector<cv::Point> meshPolygon(const FaceCrop& crop, const int* indices, std::size_t count);

// cv::Point for a landmark, with an optional offset in inter-ocular units.
cv::Point at(const FaceCrop& crop, int index, float dx = 0.0f, float dy = 0.0f);
std::vector<cv::Point> polygonOf(const FaceCrop& crop, int first, int last);

// Pixels whose colour is skin-like (distance below `threshold`), restricted to valid pixels.
cv::Mat skinLike(const FaceCrop& crop, float threshold = 3.0f);

// Back to the photo: the crop-space mask warped with the inverse transform, 1 channel, photo size.
Image toPhoto(const FaceCrop& crop, const cv::Mat& mask, int width, int height);

} // namespace durian::masks
